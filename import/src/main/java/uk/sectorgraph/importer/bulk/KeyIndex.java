package uk.sectorgraph.importer.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

/**
 * Maps millions of short codes to one of a few distinct values (e.g. 2.7 million postcodes to about 400
 * local authority codes) in little memory: keys packed as in {@link KeySet}, values stored once.
 */
public final class KeyIndex {

  private final LongIntHashMap packed = new LongIntHashMap();
  private final Map<String, Integer> others = new HashMap<>();
  private final List<String> values = new ArrayList<>();
  private final Map<String, Integer> valueIds = new HashMap<>();

  /** Maps the key to the value (null removes it). */
  public void put(String key, String value) {
    if (value == null) {
      long k = KeySet.pack(key);
      if (k < 0) {
        others.remove(key);
      } else {
        packed.remove(k);
      }
      return;
    }
    int id = valueIds.computeIfAbsent(value, v -> {
      values.add(v);
      return values.size(); // ids start at 1: 0 is the primitive map's "absent"
    });
    long k = KeySet.pack(key);
    if (k < 0) {
      others.put(key, id);
    } else {
      packed.put(k, id);
    }
  }

  /** The value, or null. */
  public String get(String key) {
    long k = KeySet.pack(key);
    int id = k < 0 ? others.getOrDefault(key, 0) : packed.get(k);
    return id == 0 ? null : values.get(id - 1);
  }

  public int size() {
    return packed.size() + others.size();
  }
}
