package uk.sectorgraph.api.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated hostile input, reproducible from a seed: random unicode (including control and
 * surrogate-pair characters), Lucene and Cypher syntax, injection classics and edge numbers.
 * A failure names its seed and index, so it can be replayed exactly.
 */
final class HostileInputGenerator {

  static final long SEED = Long.getLong("hostile.seed", 20261201L);

  private static final List<String> CLASSICS = List.of("'", "\"", "\\", "}) DETACH DELETE n //", "' OR 1=1 --", "*", "?",
      "~", "AND", "OR NOT", "title:(x", "[a TO z]", "$param", "MATCH (n) DETACH DELETE n", "\u0000", "\uD83D\uDE00 emoji",
      "Ω≈ç√∫", "%s%n", "../../etc/passwd", "<script>alert(1)</script>", "   ", "", "\uFFFF", "\u202Eevil",
      "a".repeat(5_000), "GB-COH-00445790' })", "E37000034\n", "{\"x\":1}");
  private static final String SYNTAX = "(){}[]:\"'\\*?~^!&|+-/$`;,.%_";

  private HostileInputGenerator() {}

  static List<String> strings(int count) {
    Random random = new Random(SEED);
    List<String> out = new ArrayList<>(CLASSICS);
    while (out.size() < count) {
      int length = random.nextInt(40);
      StringBuilder s = new StringBuilder();
      boolean syntaxOnly = random.nextBoolean();
      for (int i = 0; i < length; i++) {
        if (syntaxOnly) {
          s.append(SYNTAX.charAt(random.nextInt(SYNTAX.length())));
        } else {
          s.appendCodePoint(codePoint(random));
        }
      }
      out.add(s.toString());
    }
    return out;
  }

  static List<Integer> pageSizes(int count) {
    Random random = new Random(SEED + 1);
    List<Integer> out = new ArrayList<>(List.of(Integer.MIN_VALUE, -1, 0, 1, 500, 501, 100_000, Integer.MAX_VALUE));
    while (out.size() < count) {
      out.add(random.nextInt(2_005) - 5);
    }
    return out;
  }

  private static int codePoint(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0x20 + random.nextInt(0x5F);           // printable ASCII
      case 1 -> random.nextInt(0x20);                  // control characters
      case 2 -> 0xA0 + random.nextInt(0x2F00);         // accented letters, symbols, CJK edges
      default -> 0x1F300 + random.nextInt(0x300);      // emoji (surrogate pairs in UTF-16)
    };
  }
}
