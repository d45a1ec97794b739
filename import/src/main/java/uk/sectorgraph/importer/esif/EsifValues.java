package uk.sectorgraph.importer.esif;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ESIF beneficiaries list's odd values: whole pounds under "£m" headers, dates such as
 * {@code 01. Nov 15}, {@code Aug 15} or {@code 10-Mar-2016} with English or German month names, and
 * percentages with decimal commas ({@code 50,38%}). Each parser returns null for what it cannot read.
 */
public final class EsifValues {

  // English and German abbreviations (the OKFN conversion left German ones: Dez, Mrz, Mai, Okt).
  private static final Map<String, Month> MONTHS = Map.ofEntries(
      Map.entry("jan", Month.JANUARY), Map.entry("feb", Month.FEBRUARY), Map.entry("mar", Month.MARCH),
      Map.entry("mrz", Month.MARCH), Map.entry("mär", Month.MARCH), Map.entry("apr", Month.APRIL),
      Map.entry("may", Month.MAY), Map.entry("mai", Month.MAY), Map.entry("jun", Month.JUNE),
      Map.entry("jul", Month.JULY), Map.entry("aug", Month.AUGUST), Map.entry("sep", Month.SEPTEMBER),
      Map.entry("oct", Month.OCTOBER), Map.entry("okt", Month.OCTOBER), Map.entry("nov", Month.NOVEMBER),
      Map.entry("dec", Month.DECEMBER), Map.entry("dez", Month.DECEMBER));
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?:(\\d{1,2})\\s*[.\\-/ ]\\s*)?(\\p{L}{3})\\p{L}*\\.?\\s*[\\-/ ]?\\s*(\\d{2}|\\d{4})");

  private EsifValues() {}

  /** Strips ordinary and non-breaking spaces from both ends and collapses runs inside. */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    return s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
  }

  /** Whole pounds, despite the "£m" header: {@code 1434364} is £1,434,364. */
  public static BigDecimal pounds(String s) {
    String t = clean(s).replace("£", "").replace(",", "").replace(" ", "");
    if (t.isEmpty()) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(t);
      return value.signum() < 0 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 60%} → 60, {@code 50,38%} → 50.38. */
  public static BigDecimal percent(String s) {
    String t = clean(s).replace("%", "").replace(',', '.').replace(" ", "");
    if (t.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 01. Nov 15}, {@code 10-Mar-2016}, {@code Dez 15}; a month without a day means its first day. */
  public static LocalDate date(String s) {
    Matcher m = DAY_MONTH_YEAR.matcher(clean(s));
    if (!m.matches()) {
      return null;
    }
    Month month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    int year = Integer.parseInt(m.group(3));
    if (year < 100) {
      year += 2000;
    }
    int day = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
