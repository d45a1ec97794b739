package uk.sectorgraph.importer.postcodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.sectorgraph.importer.batch.CsvTable;

/**
 * Turns a postcode directory row into a {@link PostcodeRow}, or says why it cannot be imported. The one
 * reading of ONSPD/NSPL rows, shared by the {@code postcodes} import and the initial load.
 */
public final class PostcodeRowParser {

  /** The row as the graph stores it, or why it cannot be imported. */
  public sealed interface Parsed permits Accepted, Rejected {}

  public record Accepted(PostcodeRow row) implements Parsed {}

  public record Rejected(String reason) implements Parsed {}

  /** ONS pseudo codes ("no LEP", "Channel Islands", ...), e.g. E99999999, S99999999, L99999999. */
  private static final Pattern PSEUDO = Pattern.compile("[A-Z]99999999");

  private final PostcodeColumns columns;
  private final String source;
  private final LocalDate asOf;

  private PostcodeRowParser(PostcodeColumns columns, String source, LocalDate asOf) {
    this.columns = columns;
    this.source = source;
    this.asOf = asOf;
  }

  /** Fails with a BadFileException when the table's header is not a postcode directory's. */
  public static PostcodeRowParser of(CsvTable table, LocalDate asOf) {
    return new PostcodeRowParser(PostcodeColumns.of(table), source(asOf), asOf);
  }

  /** What the graph records as the source of postcodes of this date. */
  public static String source(LocalDate asOf) {
    return "onspd-" + asOf.toString().substring(0, 7);
  }

  public Parsed parse(CsvTable.Row row) {
    if (row.size() != columns.width()) {
      return new Rejected("expected " + columns.width() + " columns, found " + row.size());
    }
    String code = PostcodeFormat.normalise(row.get(columns.postcode()));
    if (code == null) {
      return new Rejected("empty postcode");
    }
    return new Accepted(new PostcodeRow(code, realCode(row.get(columns.localAuthority())), leps(row), source, asOf));
  }

  private List<String> leps(CsvTable.Row row) {
    List<String> leps = new ArrayList<>(2);
    for (int column : columns.leps()) {
      String code = realCode(row.get(column));
      if (code != null && !leps.contains(code)) {
        leps.add(code);
      }
    }
    return leps;
  }

  private static String realCode(String raw) {
    String code = raw.trim();
    return code.isEmpty() || PSEUDO.matcher(code).matches() ? null : code;
  }
}
