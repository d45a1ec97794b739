package uk.sectorgraph.importer.grants;

import java.io.Reader;
import java.util.List;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.CsvTable;

/** The 360Giving spreadsheet layout, by its official column titles. Only the first recipient/funder/programme. */
public final class GrantCsvReader {

  static final List<String> REQUIRED = List.of("Identifier", "Title", "Currency", "Amount Awarded", "Award Date",
      "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name");

  public void read(Reader reader, String name, GrantSink sink) {
    CsvTable table = CsvTable.open(name, reader);
    List<String> missing = table.missing(REQUIRED);
    if (!missing.isEmpty()) {
      throw new BadFileException(name, "is not a 360Giving grants sheet: missing column(s) " + missing);
    }
    int[] c = REQUIRED.stream().mapToInt(col -> table.column(col).orElseThrow()).toArray();
    int companyNumber = table.column("Recipient Org:Company Number").orElse(-1);
    int programmeCode = table.column("Grant Programme:Code").orElse(-1);
    int programmeTitle = table.column("Grant Programme:Title").orElse(-1);
    for (CsvTable.Row row : table) {
      sink.accept(new RawGrant(row.line(), get(row, c[0]), get(row, c[1]), get(row, c[2]), get(row, c[3]),
          get(row, c[4]), get(row, c[5]), get(row, c[6]), get(row, companyNumber), get(row, c[7]), get(row, c[8]),
          get(row, programmeCode), get(row, programmeTitle), row.raw()));
    }
  }

  private static String get(CsvTable.Row row, int column) {
    if (column < 0) {
      return null;
    }
    String s = row.get(column).strip();
    return s.isEmpty() ? null : s;
  }
}
