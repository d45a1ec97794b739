package uk.sectorgraph.importer.bulk;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * A set of short codes (company numbers, postcodes) small enough for millions of them in a 1 GB heap:
 * a code of up to 12 characters from [0-9A-Z ] is packed into one long (base 38), about 16 bytes an
 * entry instead of about 80 for a String in a HashSet. Anything else goes into an ordinary set.
 */
public final class KeySet {

  private final LongHashSet packed = new LongHashSet();
  private final Set<String> others = new HashSet<>();

  /** Adds the code; false when it was already there. */
  public boolean add(String code) {
    long key = pack(code);
    return key < 0 ? others.add(code) : packed.add(key);
  }

  public boolean contains(String code) {
    long key = pack(code);
    return key < 0 ? others.contains(code) : packed.contains(key);
  }

  public int size() {
    return packed.size() + others.size();
  }

  /** The code as a non-negative long, or -1 when it does not fit. Distinct codes get distinct longs. */
  public static long pack(String code) {
    int length = code.length();
    if (length == 0 || length > 12) {
      return -1;
    }
    long key = 0;
    for (int i = 0; i < length; i++) {
      char c = code.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0' + 1;
      } else if (c >= 'A' && c <= 'Z') {
        digit = c - 'A' + 11;
      } else if (c == ' ') {
        digit = 37;
      } else {
        return -1;
      }
      key = key * 38 + digit; // digits start at 1, so "0" and "00" differ
    }
    return key;
  }
}
