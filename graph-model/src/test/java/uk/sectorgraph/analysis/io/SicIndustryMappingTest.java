package uk.sectorgraph.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SicIndustryMappingTest {

  // Test copy of shared/data/sic/uk_sic_2007_5digit_with_hierarchy.csv: the 728 SIC 2007 5-digit
  // codes in Companies House form, derived from the ONS SIC 2007 via the GDS register (OGL v3.0).
  private static final String SIC_CODES = "uk_sic_2007_5digit_with_hierarchy.csv";
  private static final List<String> COMPANIES_HOUSE_ONLY = List.of("74990", "98000", "99999");

  private final SicIndustryMapping mapping = SicIndustryMapping.bundled();
  private final List<String> ioatCodes = IoTableCsvReader.bundled2020().industryCodes();

  @Test
  void everySic2007CodeMapsToAnIndustryOfTheIoatTable() throws IOException {
    List<CSVRecord> sic = sicCodes();
    assertThat(sic).hasSize(728);

    for (CSVRecord row : sic) {
      String sic5 = row.get("sic5");
      Optional<String> industry = mapping.industryFor(sic5);
      assertThat(industry).as("SIC %s %s", sic5, row.get("description")).isPresent();
      assertThat(ioatCodes).as("IOAT code of SIC %s", sic5).contains(industry.get());
    }
  }

  @Test
  void everyIoatIndustryExceptImputedRentGetsAtLeastOneSicCode() throws IOException {
    Set<String> reached = new HashSet<>();
    for (CSVRecord row : sicCodes()) {
      mapping.industryFor(row.get("sic5")).ifPresent(reached::add);
    }
    Set<String> unreached = new TreeSet<>(ioatCodes);
    unreached.removeAll(reached);

    // Owner-occupiers' imputed rent is produced by households, not by companies with a SIC code.
    assertThat(unreached).containsExactly("L68A");
  }

  @Test
  void everyRuleDecidesAtLeastOneCode() throws IOException {
    Set<SicIndustryMapping.Rule> used = new HashSet<>();
    for (CSVRecord row : sicCodes()) {
      mapping.ruleFor(row.get("sic5")).ifPresent(used::add);
    }
    COMPANIES_HOUSE_ONLY.forEach(code -> mapping.ruleFor(code).ifPresent(used::add));

    assertThat(mapping.rules()).allSatisfy(rule -> assertThat(used).as(rule.sicPrefix()).contains(rule));
  }

  @Test
  void theLongestPrefixWins() {
    assertThat(mapping.industryFor("25990")).contains("C25OTHER");
    assertThat(mapping.industryFor("25400")).contains("C254");
    assertThat(mapping.industryFor("20600")).contains("C20B");
    assertThat(mapping.industryFor("20120")).contains("C20C");
    assertThat(mapping.industryFor("11070")).contains("C1107");
    assertThat(mapping.industryFor("11050")).contains("C1101T1106 & C12");
    assertThat(mapping.industryFor("33160")).contains("C3316");
    assertThat(mapping.industryFor("33170")).contains("C33OTHER");
    assertThat(mapping.industryFor("49311")).contains("H493T495");
    assertThat(mapping.industryFor("49100")).contains("H491_2");
  }

  @Test
  void constructionRentalAndTheUnmeasuredDivisionsGoWhereTheNotesSay() {
    assertThat(mapping.industryFor("41100")).contains("F41, F42  & F43");
    assertThat(mapping.industryFor("43999")).contains("F41, F42  & F43");
    assertThat(mapping.industryFor("68209")).contains("L68BXL683");
    assertThat(mapping.industryFor("68320")).contains("L683");
    assertThat(mapping.industryFor("98100")).contains("T97");
    assertThat(mapping.industryFor("99000")).contains("O84");
    assertThat(mapping.ruleFor("99000").orElseThrow().note()).contains("no IOAT industry");
  }

  @Test
  void companiesHouseOnlyCodesFollowTheirDocumentedRules() {
    assertThat(mapping.industryFor("74990")).contains("M74");
    assertThat(mapping.industryFor("98000")).contains("L683");
    assertThat(mapping.industryFor("99999")).as("dormant: no industry").isEmpty();
    assertThat(mapping.ruleFor("99999").orElseThrow().note()).contains("Dormant");
  }

  @Test
  void textThatIsNotAFiveDigitCodeHasNoIndustry() {
    assertThat(mapping.industryFor("7499")).as("SIC 2003 code").isEmpty();
    assertThat(mapping.industryFor("None Supplied")).isEmpty();
    assertThat(mapping.industryFor("")).isEmpty();
    assertThat(mapping.industryFor(null)).isEmpty();
    assertThat(mapping.industryFor(" 62020 ")).contains("J62");
  }

  @Test
  void aMappingFileWithADuplicatePrefixIsRejected() {
    String csv = "sic_prefix,ioat_code,note\n01,A01,\n01,A02,\n";
    InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> SicIndustryMapping.read(in, "dup.csv"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("dup.csv, line 3")
        .hasMessageContaining("mapped twice");
  }

  private static List<CSVRecord> sicCodes() throws IOException {
    try (InputStream in = SicIndustryMappingTest.class.getResourceAsStream(SIC_CODES)) {
      assertThat(in).as(SIC_CODES + " on the test classpath").isNotNull();
      return CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
    }
  }
}
