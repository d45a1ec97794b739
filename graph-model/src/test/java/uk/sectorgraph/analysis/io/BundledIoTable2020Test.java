package uk.sectorgraph.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks against the bundled ONS IOAT 2020 (industry by industry, domestic use).
 *
 * <p>The ONS publishes Type I output multipliers for 2020 in the workbook's "Multipliers" sheet, but
 * that sheet is not in our data folder (only IOT, A, the column labels and the IOGs were converted),
 * so no published multiplier is asserted here: the multipliers are only checked to be sane (finite,
 * at least 1) and logged for a human to compare with the workbook.
 */
class BundledIoTable2020Test {

  private static final Logger log = LoggerFactory.getLogger(BundledIoTable2020Test.class);
  private static final String CONSTRUCTION = "F41, F42  & F43";

  private final IoTable table = IoTableCsvReader.bundled2020();

  @Test
  void hasTheOneHundredAndFiveIndustriesInFileOrder() {
    assertThat(table.year()).isEqualTo(2020);
    assertThat(table.size()).isEqualTo(105);
    assertThat(table.industryCodes().getFirst()).isEqualTo("A01");
    assertThat(table.industryCodes().getLast()).isEqualTo("T97");
    assertThat(table.industryCodes()).contains("B06 & B07", "C1101T1106 & C12", CONSTRUCTION, "L68A");
    assertThat(table.industryNames().get(table.indexOf("A02"))).isEqualTo("Forestry And Logging");
  }

  @Test
  void readsOutputCompensationAndFinalDemandOfCropAndAnimalProduction() {
    int a01 = table.indexOf("A01");

    // From the IOT sheet: P1 = TU = 30963, _T = 16633.721923868125, D1 = 3607, Z[A01][A01] = 2194.146680803914
    assertThat(table.outputGbpMillion()[a01]).isEqualTo(30963);
    assertThat(table.compensationOfEmployees()[a01]).isEqualTo(3607);
    assertThat(table.finalDemandGbpMillion()[a01]).isCloseTo(30963 - 16633.721923868125, within(1e-9));
    assertThat(table.flowsGbpMillion()[a01][a01]).isEqualTo(2194.146680803914);
  }

  @Test
  void coefficientsReproduceFlowsDividedByOutput() {
    double[][] z = table.flowsGbpMillion();
    double[] x = table.outputGbpMillion();
    List<String[]> cells = List.of(
        new String[] {"A01", "A01"},
        new String[] {"A01", "C101"},
        new String[] {"C29", "C29"},
        new String[] {"D351", CONSTRUCTION},
        new String[] {"K64", "L68BXL683"},
        new String[] {"M70", "O84"},
        new String[] {"G46", "Q87 & Q88"},
        new String[] {"T97", "T97"});
    for (String[] cell : cells) {
      int i = table.indexOf(cell[0]);
      int j = table.indexOf(cell[1]);
      assertThat(table.coefficient(i, j))
          .as("a[%s][%s]", cell[0], cell[1])
          .isCloseTo(z[i][j] / x[j], within(1e-12));
    }
  }

  @Test
  void everyCoefficientIsItsFlowDividedByTheBuyersOutput() {
    double[][] z = table.flowsGbpMillion();
    double[] x = table.outputGbpMillion();
    for (int i = 0; i < table.size(); i++) {
      for (int j = 0; j < table.size(); j++) {
        assertThat(table.coefficient(i, j)).as("a[%d][%d]", i, j).isCloseTo(z[i][j] / x[j], within(1e-12));
      }
    }
  }

  @Test
  void intermediateUsePlusFinalDemandIsOutputSoTheLeontiefInverseGivesOutputBack() {
    double[][] z = table.flowsGbpMillion();
    double[] x = table.outputGbpMillion();
    double[] f = table.finalDemandGbpMillion();
    double[] leontiefOutput = LeontiefModel.of(table).outputChange(f);
    for (int i = 0; i < table.size(); i++) {
      double rowSum = 0;
      for (int j = 0; j < table.size(); j++) {
        rowSum += z[i][j];
      }
      String code = table.industryCodes().get(i);
      // ONS rounds the published flows; 1e-6 of output is far above rounding and far below any misread cell.
      assertThat(rowSum + f[i]).as("row %s", code).isCloseTo(x[i], within(1e-6 * x[i]));
      assertThat(leontiefOutput[i]).as("(L·f)[%s]", code).isCloseTo(x[i], within(1e-6 * x[i]));
    }
  }

  @Test
  void everyTypeOneOutputMultiplierIsFiniteAndAtLeastOne() {
    LeontiefModel model = LeontiefModel.of(table);
    double[] multipliers = model.outputMultipliers();

    assertThat(multipliers).hasSize(105);
    for (int j = 0; j < multipliers.length; j++) {
      assertThat(multipliers[j]).as(table.industryCodes().get(j)).isFinite().isGreaterThanOrEqualTo(1.0);
    }
    for (String code : List.of("A01", "C101", "C29", CONSTRUCTION, "G47", "J62", "K64", "L68A", "Q86", "T97")) {
      log.info("IOAT 2020 Type I output multiplier {}: {}", code,
          String.format("%.4f", multipliers[table.indexOf(code)]));
    }
  }

  @Test
  void theBundledTableIsReadOnceAndShared() {
    assertThat(IoTableCsvReader.bundled2020()).isSameAs(table);
  }
}
