package uk.sectorgraph.importer.companies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.postcodes.PostcodeFormat;

/**
 * Turns a BasicCompanyData row into a {@link CompanyRow}, or says why it cannot be imported.
 * SIC codes that cannot be linked (legacy 4-digit SIC 2003 codes, codes with no Sector node) do not
 * stop the row; they come back as problems to report. Not thread-safe (one digest per parser).
 */
final class CompanyRowParser {

  sealed interface Parsed permits Accepted, Rejected {}

  record Accepted(CompanyRow row, List<String> problems) implements Parsed {}

  record Rejected(String reason) implements Parsed {}

  static final String ID_PREFIX = "GB-COH-";
  private static final String NO_SIC = "None Supplied";
  // Compiled once: String.matches compiled them for every SIC text of every row.
  private static final Pattern LEGACY_SIC = Pattern.compile("\\d{4}");
  private static final Pattern SIC = Pattern.compile("\\d{5}");

  private final BasicCompanyDataColumns columns;
  private final Set<String> sectorCodes;
  private final String source;
  private final LocalDate asOf;
  private final MessageDigest digest;

  CompanyRowParser(BasicCompanyDataColumns columns, Set<String> sectorCodes, String source, LocalDate asOf) {
    this.columns = columns;
    this.sectorCodes = sectorCodes;
    this.source = source;
    this.asOf = asOf;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Parsed parse(CsvTable.Row r) {
    if (r.size() != columns.width()) {
      return new Rejected("expected " + columns.width() + " columns, found " + r.size());
    }
    String number = r.get(columns.number()).trim().toUpperCase(Locale.ROOT);
    if (number.isEmpty()) {
      return new Rejected("empty CompanyNumber");
    }
    LocalDate incorporated;
    LocalDate dissolved;
    try {
      incorporated = date(r.get(columns.incorporation()), "IncorporationDate");
      dissolved = date(r.get(columns.dissolution()), "DissolutionDate");
    } catch (IllegalArgumentException e) {
      return new Rejected(e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    List<CompanyRow.SectorLink> sectors = sectors(r, problems);
    List<String> previousNames = new ArrayList<>();
    for (int column : columns.previousNames()) {
      String previous = r.get(column).trim();
      if (!previous.isEmpty()) {
        previousNames.add(previous);
      }
    }
    String name = r.get(columns.name()).trim();
    String status = blankToNull(r.get(columns.status()));
    String category = blankToNull(r.get(columns.category()));
    String postcode = PostcodeFormat.normalise(r.get(columns.postcode()));
    // asOf and source are provenance, not content: a new snapshot with the same values is "unchanged".
    String hash = hash(number, name, status, category, String.valueOf(incorporated), String.valueOf(dissolved),
        postcode, String.join("|", previousNames), sectors.toString());
    CompanyRow row = new CompanyRow(ID_PREFIX + number, number, name, status, category, incorporated, dissolved,
        postcode, List.copyOf(previousNames), List.copyOf(sectors), source, asOf, hash);
    return new Accepted(row, problems);
  }

  private List<CompanyRow.SectorLink> sectors(CsvTable.Row r, List<String> problems) {
    Set<String> codes = new LinkedHashSet<>();
    for (int column : columns.sicTexts()) {
      String text = r.get(column).trim();
      if (text.isEmpty() || text.equalsIgnoreCase(NO_SIC)) {
        continue;
      }
      int dash = text.indexOf(" - ");
      String code = (dash < 0 ? text : text.substring(0, dash)).trim();
      if (LEGACY_SIC.matcher(code).matches()) {
        problems.add("legacy SIC 2003 code " + code + " not linked (no OPERATES_IN): '" + text + "'");
      } else if (!SIC.matcher(code).matches()) {
        problems.add("unrecognised SIC text not linked: '" + text + "'");
      } else if (!sectorCodes.contains(code)) {
        problems.add("no Sector node for SIC code " + code + " (not linked): '" + text + "'");
      } else {
        codes.add(code);
      }
    }
    List<CompanyRow.SectorLink> links = new ArrayList<>(codes.size());
    boolean first = true;
    for (String code : codes) {
      links.add(new CompanyRow.SectorLink(code, first));
      first = false;
    }
    return links;
  }

  /** Companies House dates are DD/MM/YYYY; blank means none. */
  static LocalDate date(String raw, String column) {
    String s = raw.trim();
    if (s.isEmpty()) {
      return null;
    }
    if (s.length() != 10 || s.charAt(2) != '/' || s.charAt(5) != '/') {
      throw new IllegalArgumentException("bad " + column + " '" + s + "' (expected DD/MM/YYYY)");
    }
    try {
      return LocalDate.of(Integer.parseInt(s, 6, 10, 10), Integer.parseInt(s, 3, 5, 10), Integer.parseInt(s, 0, 2, 10));
    } catch (NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException("bad " + column + " '" + s + "' (expected DD/MM/YYYY)");
    }
  }

  private String hash(String... values) {
    digest.reset();
    for (String v : values) {
      digest.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1f);
    }
    byte[] full = digest.digest();
    return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
  }

  private static String blankToNull(String s) {
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
