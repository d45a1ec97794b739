package uk.sectorgraph.importer.postcodes;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes in one spelling: upper case, one space before the 3-character inward code ({@code TS1 3BA}). */
public final class PostcodeFormat {

  private static final Pattern UK = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private PostcodeFormat() {}

  /**
   * The normalised postcode, or null for a blank one. Something that is not shaped like a UK postcode
   * (an overseas address) is kept upper-cased and trimmed, so no information is lost; it simply
   * matches no {@code Postcode} node.
   */
  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String compact = WHITESPACE.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
    if (UK.matcher(compact).matches()) {
      return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
    return WHITESPACE.matcher(raw.trim().toUpperCase(Locale.ROOT)).replaceAll(" ");
  }
}
