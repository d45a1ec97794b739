package uk.sectorgraph.importer.companies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.sectorgraph.importer.bulk.KeySet;

class KnownCompaniesTest {

  static final LocalDate AS_OF = LocalDate.of(2024, 11, 1);

  static CompanyRow row(String number, String hash, LocalDate asOf) {
    return new CompanyRow("GB-COH-" + number, number, "X", null, null, null, null, null, List.of(), List.of(),
        "companies-house-basic-2024-11", asOf, hash);
  }

  @Test
  void sortingKeysCarriesEachValueWithItsKey() {
    Random random = new Random(7);
    int n = 100_003;
    long[] keys = new long[n];
    long[] values = new long[n];
    Map<Long, Long> expected = new HashMap<>();
    for (int i = 0; i < n; i++) {
      long key;
      do {
        key = random.nextLong() >>> 1;
      } while (expected.containsKey(key));
      keys[i] = key;
      values[i] = random.nextLong();
      expected.put(key, values[i]);
    }
    long[] sorted = keys.clone();
    Arrays.sort(sorted);

    KnownCompanies.sortTogether(keys, values);

    assertThat(keys).isEqualTo(sorted);
    for (int i = 0; i < n; i++) {
      assertThat(values[i]).isEqualTo(expected.get(keys[i]));
    }
  }

  @Test
  void holdsOnlyTheSameHashAndDateAndForgetsACompanySentToTheGraph() {
    String hash = "q83vEjRWeJq83vEjRWeJqw"; // 16 bytes of Base64, as CompanyRowParser writes them
    KnownCompanies known = KnownCompanies.of(
        new long[] {KeySet.pack("SC000002"), KeySet.pack("00000001")},
        new long[] {KnownCompanies.fingerprint(hash, AS_OF), KnownCompanies.fingerprint(hash, AS_OF)});

    assertThat(known.holds(row("00000001", hash, AS_OF))).isTrue();
    assertThat(known.holds(row("SC000002", hash, AS_OF))).isTrue();
    assertThat(known.holds(row("00000001", "r83vEjRWeJq83vEjRWeJqw", AS_OF))).as("another hash").isFalse();
    assertThat(known.holds(row("00000001", hash, AS_OF.plusDays(1)))).as("another snapshot date").isFalse();
    assertThat(known.holds(row("00000003", hash, AS_OF))).as("not in the graph").isFalse();
    assertThat(known.holds(row("lower-case", hash, AS_OF))).as("a number that does not pack").isFalse();

    known.forget(row("00000001", "r83vEjRWeJq83vEjRWeJqw", AS_OF));

    assertThat(known.holds(row("00000001", hash, AS_OF))).as("forgotten: the graph decides").isFalse();
    assertThat(known.holds(row("SC000002", hash, AS_OF))).isTrue();
  }
}
