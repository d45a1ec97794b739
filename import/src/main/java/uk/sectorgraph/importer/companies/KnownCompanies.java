package uk.sectorgraph.importer.companies;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import uk.sectorgraph.importer.bulk.KeySet;

/**
 * What the graph holds for every company the register import wrote, read in one scan before an
 * import so that rows it already holds are skipped without a round trip.
 *
 * <p>Why: re-importing an unchanged register spent most of its time asking the graph, batch by batch,
 * what it holds for each company number (one index seek per row). One streaming scan of the company
 * nodes is several times cheaper than millions of seeks.
 *
 * <p>Exactness: a row is skipped only when the graph holds a companies-house node for it, not marked
 * missing, whose content hash and snapshot date equal the row's. That is exactly the case in which
 * {@link CompanyBatch} would count the row unchanged and write nothing. Each company is kept as a
 * 64-bit fingerprint of (row hash, snapshot date), so a changed row is taken for unchanged only if
 * two 64-bit values collide (about 1 in 10^19 per row). A company whose row was sent to the ordinary
 * path is forgotten, so a second row for it later in the same run is never judged by the old state.
 * What other writers do to company nodes while an import runs is not seen; imports of one store are
 * meant to run one at a time.
 *
 * <p>Memory: two sorted long arrays, 16 bytes a company (88 MB for the 5.5 million of the register).
 */
final class KnownCompanies {

  // The nodes the ordinary path would count unchanged for a row with the same hash and date. The id
  // prefix is tested in RETURN, not WHERE: there the planner seeks the id index by prefix and reads the
  // nodes in id order, scattered over the store, where a label scan reads them in store order.
  static final String READ = """
      MATCH (o:Organisation)
      WHERE o.source STARTS WITH 'companies-house' AND o.missingFromSnapshot IS NULL
      RETURN CASE WHEN o.id STARTS WITH 'GB-COH-' THEN substring(o.id, 7) END AS number,
             o.rowHash AS hash, o.asOf AS asOf
      """;

  static final KnownCompanies NONE = new KnownCompanies(new long[0], new long[0]);

  private static final TypeSystem TYPES = TypeSystem.getDefault();
  private static final long FORGOTTEN = 0;
  private static final int FETCH_SIZE = 20_000;

  private final long[] keys;         // packed company numbers, ascending
  private final long[] fingerprints; // same order; FORGOTTEN once a row for the company went the ordinary way

  private KnownCompanies(long[] keys, long[] fingerprints) {
    this.keys = keys;
    this.fingerprints = fingerprints;
  }

  static KnownCompanies read(Driver driver, String database) {
    LongArrayList keys = new LongArrayList();
    LongArrayList fingerprints = new LongArrayList();
    // Records come in pages of fetchSize: 1,000 (the default) cost a quarter more time than 20,000.
    SessionConfig.Builder config = SessionConfig.builder().withFetchSize(FETCH_SIZE);
    if (database != null) {
      config.withDatabase(database);
    }
    try (Session session = driver.session(config.build())) {
      session.executeRead(tx -> {
        tx.run(READ).forEachRemaining(r -> add(r, keys, fingerprints));
        return null;
      });
    }
    return of(keys.toArray(), fingerprints.toArray());
  }

  private static void add(Record r, LongArrayList keys, LongArrayList fingerprints) {
    Value hash = r.get("hash");
    Value asOf = r.get("asOf");
    Value number = r.get("number");
    if (number.isNull() || !hash.hasType(TYPES.STRING()) || !asOf.hasType(TYPES.DATE())) {
      return; // not as the importer writes it: the ordinary path decides
    }
    long key = KeySet.pack(number.asString());
    if (key >= 0) {
      keys.add(key);
      fingerprints.add(fingerprint(hash.asString(), asOf.asLocalDate()));
    }
  }

  /** From unsorted parallel arrays (taken over). */
  static KnownCompanies of(long[] keys, long[] fingerprints) {
    sortTogether(keys, fingerprints);
    return new KnownCompanies(keys, fingerprints);
  }

  int size() {
    return keys.length;
  }

  /** True when the graph already holds exactly this row (and no earlier row of this run changed it). */
  boolean holds(CompanyRow row) {
    int i = indexOf(row);
    return i >= 0 && fingerprints[i] == fingerprint(row.hash(), row.asOf());
  }

  /** The row goes to the graph: from now on the graph, not this snapshot, knows the company's state. */
  void forget(CompanyRow row) {
    int i = indexOf(row);
    if (i >= 0) {
      fingerprints[i] = FORGOTTEN;
    }
  }

  private int indexOf(CompanyRow row) {
    if (keys.length == 0) {
      return -1;
    }
    long key = KeySet.pack(row.companyNumber());
    return key < 0 ? -1 : Arrays.binarySearch(keys, key);
  }

  /** 64 bits of the row hash (itself the first 128 bits of a SHA-256), mixed with the snapshot date; never FORGOTTEN. */
  static long fingerprint(String rowHash, LocalDate asOf) {
    long h = 0;
    try {
      byte[] bytes = Base64.getDecoder().decode(rowHash);
      for (int i = 0; i < Math.min(8, bytes.length); i++) {
        h = (h << 8) | (bytes[i] & 0xff);
      }
    } catch (IllegalArgumentException notOurs) {
      h = rowHash.hashCode(); // not a hash this importer wrote: it will not match a row's
    }
    long mixed = h ^ mix(asOf.toEpochDay());
    return mixed == FORGOTTEN ? 1 : mixed;
  }

  // SplitMix64's finaliser: spreads nearby dates over all 64 bits.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Heapsort of keys, moving fingerprints along: no library sorts two primitive arrays together. */
  static void sortTogether(long[] keys, long[] values) {
    int n = keys.length;
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(keys, values, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      swap(keys, values, 0, end);
      siftDown(keys, values, 0, end);
    }
  }

  private static void siftDown(long[] keys, long[] values, int root, int size) {
    while (true) {
      int child = 2 * root + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && keys[child + 1] > keys[child]) {
        child++;
      }
      if (keys[root] >= keys[child]) {
        return;
      }
      swap(keys, values, root, child);
      root = child;
    }
  }

  private static void swap(long[] keys, long[] values, int i, int j) {
    long k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    long v = values[i];
    values[i] = values[j];
    values[j] = v;
  }
}
