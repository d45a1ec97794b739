package uk.sectorgraph.importer.postcodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.CsvTable;

/**
 * Columns of an ONSPD / NSPL file across vintages: the postcode is {@code pcds} (preferred, variable
 * form), {@code pcd}, {@code pcd7} or {@code pcd8}; the local authority {@code oslaua} or {@code ladYYcd};
 * LEPs {@code lep1}/{@code lep2} or {@code lepYYcd1}/{@code lepYYcd2}.
 */
record PostcodeColumns(int width, int postcode, int localAuthority, int[] leps) {

  private static final List<String> POSTCODE = List.of("pcds", "pcd", "pcd7", "pcd8");
  private static final Pattern LAD = Pattern.compile("oslaua|lad\\d{2}cd");
  private static final Pattern LEP = Pattern.compile("lep\\d|lep\\d{2}cd\\d");

  static PostcodeColumns of(CsvTable table) {
    List<String> header = table.header().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    Optional<Integer> postcode = POSTCODE.stream().map(header::indexOf).filter(i -> i >= 0).findFirst();
    int la = -1;
    List<Integer> leps = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (la < 0 && LAD.matcher(header.get(i)).matches()) {
        la = i;
      } else if (LEP.matcher(header.get(i)).matches()) {
        leps.add(i);
      }
    }
    List<String> missing = new ArrayList<>();
    if (postcode.isEmpty()) {
      missing.add("a postcode column (pcds, pcd, pcd7 or pcd8)");
    }
    if (la < 0) {
      missing.add("a local authority column (oslaua or ladYYcd)");
    }
    if (!missing.isEmpty()) {
      throw new BadFileException(table.name(), "is not an ONS postcode directory (ONSPD/NSPL): the header lacks "
          + String.join(" and ", missing));
    }
    return new PostcodeColumns(header.size(), postcode.get(), la, leps.stream().mapToInt(Integer::intValue).toArray());
  }
}
