package uk.sectorgraph.importer.psc;

import java.util.Locale;
import java.util.regex.Pattern;

/** Companies House numbers as org-id.guide identifiers: 8 characters, numeric ones zero-padded. */
public final class CompanyNumbers {

  private static final Pattern NUMBER = Pattern.compile("(?:[A-Z]{2}\\d{1,6}|\\d{1,8}|[A-Z]{2}\\d{5}[A-Z])");

  private CompanyNumbers() {}

  /** The normalised number, or null when {@code raw} cannot be a Companies House number. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replace(" ", "").trim().toUpperCase(Locale.ROOT);
    if (!NUMBER.matcher(s).matches()) {
      return null;
    }
    if (Character.isDigit(s.charAt(0))) {
      return "0".repeat(8 - s.length()) + s;
    }
    return s.substring(0, 2) + "0".repeat(8 - s.length()) + s.substring(2);
  }

  public static String organisationId(String normalisedNumber) {
    return "GB-COH-" + normalisedNumber;
  }
}
