package uk.sectorgraph.importer.companies;

import java.util.ArrayList;
import java.util.List;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.CsvTable;

/** Where the columns we use are in a BasicCompanyData part, found by trimmed header name. */
record BasicCompanyDataColumns(
    int width, int name, int number, int postcode, int category, int status, int dissolution, int incorporation,
    int[] sicTexts, int[] previousNames) {

  static final List<String> REQUIRED = required();

  private static List<String> required() {
    List<String> names = new ArrayList<>(List.of("CompanyName", "CompanyNumber", "RegAddress.PostCode",
        "CompanyCategory", "CompanyStatus", "DissolutionDate", "IncorporationDate"));
    for (int i = 1; i <= 4; i++) {
      names.add("SICCode.SicText_" + i);
    }
    for (int i = 1; i <= 10; i++) {
      names.add("PreviousName_" + i + ".CompanyName");
    }
    return List.copyOf(names);
  }

  /** Fails with a {@link BadFileException} naming the missing columns when this is not BasicCompanyData. */
  static BasicCompanyDataColumns of(CsvTable table) {
    List<String> missing = table.missing(REQUIRED);
    if (!missing.isEmpty()) {
      throw new BadFileException(table.name(), "is not Companies House BasicCompanyData: the header lacks "
          + String.join(", ", missing));
    }
    int[] sic = new int[4];
    for (int i = 0; i < 4; i++) {
      sic[i] = index(table, "SICCode.SicText_" + (i + 1));
    }
    int[] previous = new int[10];
    for (int i = 0; i < 10; i++) {
      previous[i] = index(table, "PreviousName_" + (i + 1) + ".CompanyName");
    }
    return new BasicCompanyDataColumns(table.header().size(), index(table, "CompanyName"), index(table, "CompanyNumber"),
        index(table, "RegAddress.PostCode"), index(table, "CompanyCategory"), index(table, "CompanyStatus"),
        index(table, "DissolutionDate"), index(table, "IncorporationDate"), sic, previous);
  }

  private static int index(CsvTable table, String name) {
    return table.column(name).orElseThrow();
  }
}
