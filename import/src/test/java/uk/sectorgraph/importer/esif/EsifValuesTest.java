package uk.sectorgraph.importer.esif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class EsifValuesTest {

  @Test
  void datesInEveryShapeTheListUses() {
    assertThat(EsifValues.date("01. Nov 15")).isEqualTo(LocalDate.of(2015, 11, 1));
    assertThat(EsifValues.date("31. Dec 18")).isEqualTo(LocalDate.of(2018, 12, 31));
    assertThat(EsifValues.date("Aug 15")).isEqualTo(LocalDate.of(2015, 8, 1));
    assertThat(EsifValues.date("10-Mar-2016")).isEqualTo(LocalDate.of(2016, 3, 10));
    assertThat(EsifValues.date(" 29. Feb 16 ")).isEqualTo(LocalDate.of(2016, 2, 29));
    // German month names from the sibling Oct_2016 file.
    assertThat(EsifValues.date("01. Dez 15")).isEqualTo(LocalDate.of(2015, 12, 1));
    assertThat(EsifValues.date("Mrz 16")).isEqualTo(LocalDate.of(2016, 3, 1));
    assertThat(EsifValues.date("01. Mai 16")).isEqualTo(LocalDate.of(2016, 5, 1));
    assertThat(EsifValues.date("30. Okt 20")).isEqualTo(LocalDate.of(2020, 10, 30));
    assertThat(EsifValues.date("soon")).isNull();
    assertThat(EsifValues.date("30. Feb 16")).isNull();
  }

  @Test
  void amountsAreWholePoundsAndPercentagesMayHaveDecimalCommas() {
    assertThat(EsifValues.pounds("1434364")).isEqualByComparingTo("1434364");
    assertThat(EsifValues.pounds(" 5000000\u00a0")).isEqualByComparingTo("5000000");
    assertThat(EsifValues.pounds("n/a")).isNull();
    assertThat(EsifValues.percent("60%")).isEqualByComparingTo("60");
    assertThat(EsifValues.percent("50,38%")).isEqualByComparingTo(new BigDecimal("50.38"));
    assertThat(EsifValues.clean("  PR1 2HE ")).isEqualTo("PR1 2HE");
  }

  @Test
  void everyLepSpellingInTheRealFileIsInTheReviewedAliasTable() throws Exception {
    LepAliases aliases = LepAliases.load();
    Path file = Path.of("src/test/resources/esif/england_esif_2014_2020_beneficiaries_oct2016.csv");
    var spellings = new java.util.TreeSet<String>();
    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      spellings.add(EsifValues.clean(r.get("Local Enterprise Partnership area")));
    }
    assertThat(spellings).hasSize(55);
    assertThat(spellings).allSatisfy(s -> assertThat(aliases.lookup(s)).as(s).isPresent());
    assertThat(aliases.lookup("Northamptonshire").orElseThrow().lepCodes()).containsExactly("E37000057");
    assertThat(aliases.lookup("National").orElseThrow().national()).isTrue();
    assertThat(aliases.lookup("Leeds City Region and YNYER").orElseThrow().lepCodes())
        .containsExactlyInAnyOrder("E37000050", "E37000058");
    assertThat(aliases.lookup("tees   valley").orElseThrow().lepCodes()).containsExactly("E37000034");
    assertThat(aliases.lookup("Mercia")).isEmpty();
  }

  @Test
  void recipientKindsFromNames() {
    assertThat(EsifImport.kindOf("University of Central Lancashire")).isEqualTo("UNIVERSITY");
    assertThat(EsifImport.kindOf("Lancashire County Council")).isEqualTo("LOCAL_AUTHORITY");
    assertThat(EsifImport.kindOf("Sensor City Liverpool Limited")).isEqualTo("COMPANY");
    assertThat(EsifImport.kindOf("Blackburn College")).isEqualTo("COLLEGE");
    assertThat(EsifImport.kindOf("Skills Funding Agency")).isEqualTo("PUBLIC_BODY");
    assertThat(EsifImport.fundCode(" ESF (inc YEI) ")).isEqualTo("ESF-YEI");
    assertThat(List.of(EsifImport.fundCode("ERDF"), EsifImport.fundCode("ESF"))).containsExactly("ERDF", "ESF");
  }
}
