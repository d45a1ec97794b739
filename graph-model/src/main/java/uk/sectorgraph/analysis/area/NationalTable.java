package uk.sectorgraph.analysis.area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import uk.sectorgraph.analysis.io.LeontiefModel;

/**
 * The national input-output table of one year, as stored on the {@code (:IoTable)} node, with its
 * 105×105 Leontief inverse. The table is read and inverted once per year and cached for the life of
 * the JVM; every writer of the table stamps a new {@code version}, and only a new stamp (or a table
 * without one, from an older store) makes the next load read all 11,025 coefficients again.
 * Every vector and matrix of the analyses uses {@link #industryCodes()} order. Immutable and shared.
 */
public final class NationalTable {

  /** One entry per year; the version is null for a table stored without a stamp. */
  private record Cached(String version, NationalTable table) {}

  private static final Map<Integer, Cached> CACHE = new ConcurrentHashMap<>();

  private final int year;
  private final List<String> industryCodes;
  private final List<String> industryNames;
  private final double[] output;
  private final double[] flatCoefficients;
  private final double[][] coefficients;
  private final LeontiefModel leontief;

  private NationalTable(int year, List<String> codes, List<String> names, double[] output, double[] flat) {
    this.year = year;
    this.industryCodes = List.copyOf(codes);
    this.industryNames = List.copyOf(names);
    this.output = output.clone();
    this.flatCoefficients = flat.clone();
    int n = codes.size();
    if (flat.length != n * n || output.length != n) {
      throw new IllegalStateException("IoTable " + year + " is malformed: " + n + " codes, "
          + flat.length + " coefficients, " + output.length + " outputs");
    }
    this.coefficients = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * n, coefficients[i], 0, n);
    }
    this.leontief = LeontiefModel.of(coefficients);
  }

  public int year() {
    return year;
  }

  public List<String> industryCodes() {
    return industryCodes;
  }

  public List<String> industryNames() {
    return industryNames;
  }

  /** A copy of the national A. */
  public double[][] coefficients() {
    double[][] copy = new double[coefficients.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = coefficients[i].clone();
    }
    return copy;
  }

  public LeontiefModel leontief() {
    return leontief;
  }

  public double[] output() {
    return output.clone();
  }

  public double output(int industry) {
    return output[industry];
  }

  public int size() {
    return industryCodes.size();
  }

  public int indexOf(String code) {
    return industryCodes.indexOf(code);
  }

  /** National direct requirement a_ij (row = supplier, column = buyer). */
  public double coefficient(int supplier, int buyer) {
    return coefficients[supplier][buyer];
  }

  /**
   * The table of the given year, or of the latest year stored when {@code year} is null.
   *
   * @throws IllegalArgumentException if no such table is stored
   */
  public static NationalTable load(GraphReads reads, Integer year) {
    List<Record> stamp = reads.read("""
        MATCH (t:IoTable) WHERE $year IS NULL OR t.year = $year
        WITH t ORDER BY t.year DESC LIMIT 1
        RETURN t.year AS year, t.version AS version
        """, java.util.Collections.singletonMap("year", year));
    if (!stamp.isEmpty() && !stamp.getFirst().get("version").isNull()) {
      int y = stamp.getFirst().get("year").asInt();
      String version = stamp.getFirst().get("version").asString();
      Cached cached = CACHE.get(y);
      if (cached != null && version.equals(cached.version())) {
        return cached.table();
      }
    }
    List<Record> rows = reads.read("""
        MATCH (t:IoTable) WHERE $year IS NULL OR t.year = $year
        WITH t ORDER BY t.year DESC LIMIT 1
        RETURN t.year AS year, t.version AS version, t.industryCodes AS codes, t.coefficients AS a, t.output AS output,
               [c IN t.industryCodes | COLLECT { MATCH (i:Industry {code: c}) RETURN i.name }[0]] AS names
        """, java.util.Collections.singletonMap("year", year));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no input-output table stored" + (year == null ? "" : " for " + year));
    }
    Record r = rows.getFirst();
    int y = r.get("year").asInt();
    List<String> codes = r.get("codes").asList(Value::asString);
    double[] flat = doubles(r.get("a"));
    String version = r.get("version").isNull() ? null : r.get("version").asString();
    Cached cached = CACHE.get(y);
    if (cached != null && cached.table().industryCodes.equals(codes)
        && Arrays.equals(cached.table().flatCoefficients, flat)) {
      CACHE.put(y, new Cached(version, cached.table()));
      return cached.table();
    }
    List<String> names = new ArrayList<>();
    for (Value v : r.get("names").values()) {
      names.add(v.isNull() ? "" : v.asString());
    }
    NationalTable table = new NationalTable(y, codes, names, doubles(r.get("output")), flat);
    CACHE.put(y, new Cached(version, table));
    return table;
  }

  private static double[] doubles(Value list) {
    List<Double> values = list.asList(Value::asDouble);
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }
}
