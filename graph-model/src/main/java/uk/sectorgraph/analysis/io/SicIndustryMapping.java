package uk.sectorgraph.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Puts a 5-digit SIC 2007 code (Companies House form, e.g. {@code 20140}) into one of the IOAT
 * industries, so companies can be counted per input-output industry.
 *
 * <p>Rules come from {@code reference/ioat/sic_to_ioat_industry.csv} ({@code sic_prefix,ioat_code,note}):
 * a prefix is a SIC division ({@code 01}), group ({@code 10.1}) or class ({@code 20.14}), and the
 * longest matching prefix wins, so a division can map to its IOAT industry while some of its groups
 * or classes go elsewhere (division 25 → {@code C25OTHER}, class 25.40 → {@code C254}). An empty
 * {@code ioat_code} means "no industry": only Companies House's 99999 (dormant company), because
 * dormant companies are excluded from industry counts.
 *
 * <p>The Companies House-only codes become class-like prefixes by the same rule as real codes
 * (first four digits, dotted): 74990 → {@code 74.99}, 98000 → {@code 98.00}, 99999 → {@code 99.99}.
 * No real SIC 2007 class has those numbers, so they cannot capture a real code.
 */
public final class SicIndustryMapping {

  /** Classpath location of the reviewed mapping. */
  public static final String BUNDLED_RESOURCE = "/reference/ioat/sic_to_ioat_industry.csv";

  private static final Pattern PREFIX = Pattern.compile("\\d{2}(\\.\\d{1,2})?");
  private static final Pattern SIC5 = Pattern.compile("\\d{5}");

  /**
   * One mapping rule.
   *
   * @param sicPrefix dotted SIC 2007 division, group or class
   * @param ioatCode  IOAT industry code, or empty for "no industry"
   * @param note      why, where the rule is not obvious
   */
  public record Rule(String sicPrefix, String ioatCode, String note) {}

  private final List<Rule> rules;
  private final Map<String, Rule> byPrefix;

  private SicIndustryMapping(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.byPrefix = new HashMap<>();
    for (Rule rule : rules) {
      byPrefix.put(rule.sicPrefix(), rule);
    }
  }

  /**
   * The bundled mapping, read once. Every IOAT code in it is checked against the bundled 2020 table,
   * so a typo in a combined code such as {@code "F41, F42  & F43"} fails at load time, not later as
   * a silently missing industry.
   */
  public static SicIndustryMapping bundled() {
    return Bundled.MAPPING;
  }

  private static final class Bundled {
    static final SicIndustryMapping MAPPING = load();

    private static SicIndustryMapping load() {
      try (InputStream in = SicIndustryMapping.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IOException("missing classpath resource " + BUNDLED_RESOURCE);
        }
        SicIndustryMapping mapping = read(in, "classpath:" + BUNDLED_RESOURCE);
        List<String> codes = IoTableCsvReader.bundled2020().industryCodes();
        for (Rule rule : mapping.rules) {
          if (!rule.ioatCode().isEmpty() && !codes.contains(rule.ioatCode())) {
            throw new IllegalStateException(BUNDLED_RESOURCE + ": '" + rule.ioatCode() + "' (for SIC "
                + rule.sicPrefix() + ") is not an industry of the IOAT 2020 table");
          }
        }
        return mapping;
      } catch (IOException e) {
        throw new UncheckedIOException("bundled SIC to IOAT mapping cannot be read", e);
      }
    }
  }

  /** Reads rules in the {@code sic_prefix,ioat_code,note} layout; {@code name} is for messages only. */
  public static SicIndustryMapping read(InputStream csv, String name) throws IOException {
    List<CSVRecord> records = CSVParser.parse(
        new InputStreamReader(csv, StandardCharsets.UTF_8), CSVFormat.DEFAULT).getRecords();
    if (records.isEmpty() || !records.get(0).toList().equals(List.of("sic_prefix", "ioat_code", "note"))) {
      throw new IOException(name + ": header must be sic_prefix,ioat_code,note but is "
          + (records.isEmpty() ? "missing" : String.join(",", records.get(0).toList())));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> prefixes = new HashSet<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      String where = name + ", line " + record.getRecordNumber();
      if (record.size() != 3) {
        throw new IOException(where + ": expected 3 cells, found " + record.size());
      }
      String prefix = record.get(0).strip();
      if (!PREFIX.matcher(prefix).matches()) {
        throw new IOException(where + ": '" + prefix + "' is not a SIC division (01), group (01.1) or class (01.11)");
      }
      if (!prefixes.add(prefix)) {
        throw new IOException(where + ": SIC prefix " + prefix + " is mapped twice");
      }
      // Codes are kept exactly (no strip): IOAT codes contain meaningful double spaces.
      rules.add(new Rule(prefix, record.get(1), record.get(2)));
    }
    return new SicIndustryMapping(rules);
  }

  /**
   * The IOAT industry code of a 5-digit SIC code, or empty if it has none: dormant companies (99999),
   * and anything that is not five digits (e.g. the 4-digit SIC 2003 codes still on old companies,
   * which this mapping does not cover) or falls under no rule.
   */
  public Optional<String> industryFor(String sic5) {
    return ruleFor(sic5).map(Rule::ioatCode).filter(code -> !code.isEmpty());
  }

  /** The rule that decides a 5-digit SIC code (longest prefix: class, then group, then division). */
  public Optional<Rule> ruleFor(String sic5) {
    if (sic5 == null) {
      return Optional.empty();
    }
    String code = sic5.strip();
    if (!SIC5.matcher(code).matches()) {
      return Optional.empty();
    }
    String division = code.substring(0, 2);
    String group = division + "." + code.charAt(2);
    String sicClass = group + code.charAt(3);
    for (String prefix : List.of(sicClass, group, division)) {
      Rule rule = byPrefix.get(prefix);
      if (rule != null) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** All rules, in file order. */
  public List<Rule> rules() {
    return rules;
  }
}
