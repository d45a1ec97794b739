package uk.sectorgraph.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegionalModelTest {

  /*
   * Toy region with 3 industries, counts by hand:
   *   nation n = (100, 200, 700), N = 1000;  region r = (20, 10, 70), R = 100;  R/N = 0.1
   *   SLQ = (0.2/0.1, 0.1/0.2, 0.7/0.7) = (2, 0.5, 1)
   *   λ = [log2(1.1)]^0.3 = 0.137503523749935^0.3 = 0.5514347723323603
   *   CILQ_ij = SLQ_i/SLQ_j = | 1    4    2   |
   *                           | 0.25 1    0.5 |
   *                           | 0.5  2    1   |
   *   FLQ = λ·CILQ off the diagonal, λ·SLQ_i on it:
   *                           | 2λ    4λ    2λ  |   | 1.1029 2.2057 1.1029 |
   *                           | 0.25λ 0.5λ  0.5λ| = | 0.1379 0.2757 0.2757 |
   *                           | 0.5λ  2λ    λ   |   | 0.2757 1.1029 0.5514 |
   *   min(1, FLQ)           = | 1      1      1      |
   *                           | 0.1379 0.2757 0.2757 |
   *                           | 0.2757 1      0.5514 |
   *   national A            = | 0.10 0.20 0.05 |   column sums (0.45, 0.40, 0.40)
   *                           | 0.15 0.10 0.10 |
   *                           | 0.20 0.10 0.25 |
   *   regional A^r = A ∘ min(1, FLQ)
   *                         = | 0.100000 0.200000 0.050000 |   column sums
   *                           | 0.020679 0.027572 0.027572 |   (0.175822, 0.327572, 0.215430)
   *                           | 0.055143 0.100000 0.137859 |
   *   leakage_j = 1 - colsum(A^r)/colsum(A) = (1 - 0.175822/0.45, 1 - 0.327572/0.40, 1 - 0.215430/0.40)
   *                                         = (0.609284, 0.181071, 0.461424)
   *   regional Type I multipliers (column sums of (I - A^r)^-1) = (1.221700, 1.410826, 1.275874),
   *   against national (1.765229, 1.689640, 1.676301): every one lower, as leakage must make it.
   */
  private static final double[] NATION = {100, 200, 700};
  private static final double[] REGION = {20, 10, 70};
  private static final double[][] A = {{0.10, 0.20, 0.05}, {0.15, 0.10, 0.10}, {0.20, 0.10, 0.25}};
  private static final double LAMBDA = Math.pow(Math.log(1.1) / Math.log(2), 0.3);

  @Test
  void lambdaAndSimpleAndCrossIndustryQuotientsMatchTheHandComputation() {
    LocationQuotients lq = LocationQuotients.of(REGION, NATION);

    assertThat(lq.delta()).isEqualTo(0.3);
    assertThat(lq.regionTotal()).isEqualTo(100);
    assertThat(lq.nationTotal()).isEqualTo(1000);
    assertThat(lq.lambda()).isCloseTo(0.5514347723323603, within(1e-12));
    assertThat(lq.simpleLocationQuotients()).containsExactly(new double[] {2, 0.5, 1}, within(1e-12));
    assertThat(lq.cilq(0, 1)).isCloseTo(4, within(1e-12));
    assertThat(lq.cilq(1, 2)).isCloseTo(0.5, within(1e-12));
    assertThat(lq.flq(0, 1)).isCloseTo(4 * LAMBDA, within(1e-12));
    assertThat(lq.flq(2, 2)).as("diagonal uses SLQ_i").isCloseTo(LAMBDA, within(1e-12));
    assertThat(lq.flq(1, 1)).isCloseTo(0.5 * LAMBDA, within(1e-12));
  }

  @Test
  void flqCoefficientsAreTheNationalOnesScaledByTheCappedQuotient() {
    RegionalModel model = RegionalModel.of(A, LocationQuotients.of(REGION, NATION), Regionalisation.FLQ);
    double l = LAMBDA;

    double[][] expected = {
        {0.10, 0.20, 0.05},
        {0.15 * 0.25 * l, 0.10 * 0.5 * l, 0.10 * 0.5 * l},
        {0.20 * 0.5 * l, 0.10, 0.25 * l}};
    double[][] actual = model.regionalCoefficients();
    for (int i = 0; i < 3; i++) {
      assertThat(actual[i]).as("row %d", i).containsExactly(expected[i], within(1e-12));
    }
    assertThat(model.adjustments()[0]).containsExactly(1, 1, 1);
    assertThat(model.regionalCoefficient(1, 0)).isCloseTo(0.020679, within(1e-6));
  }

  @Test
  void leakageIsTheShareOfIntermediateInputsBoughtOutsideTheRegion() {
    RegionalModel model = RegionalModel.of(A, LocationQuotients.of(REGION, NATION), Regionalisation.FLQ);

    assertThat(model.leakage()).containsExactly(
        new double[] {0.609284, 0.181071, 0.461424}, within(1e-6));
  }

  @Test
  void regionalMultipliersAreBelowTheNationalOnes() {
    RegionalModel model = RegionalModel.of(A, LocationQuotients.of(REGION, NATION), Regionalisation.FLQ);

    assertThat(model.outputMultipliers()).containsExactly(
        new double[] {1.221700, 1.410826, 1.275874}, within(1e-6));
    double[] national = LeontiefModel.of(A).outputMultipliers();
    assertThat(national).containsExactly(new double[] {1.765229, 1.689640, 1.676301}, within(1e-6));
    for (int j = 0; j < 3; j++) {
      assertThat(model.outputMultipliers()[j]).isLessThan(national[j]).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void slqRegionalisationScalesWholeSupplierRowsByTheCappedSlq() {
    RegionalModel model = RegionalModel.of(A, LocationQuotients.of(REGION, NATION), Regionalisation.SLQ);

    // min(1, SLQ) = (1, 0.5, 1): only industry 1's row is halved.
    double[][] actual = model.regionalCoefficients();
    assertThat(actual[0]).containsExactly(A[0]);
    assertThat(actual[1]).containsExactly(new double[] {0.075, 0.05, 0.05}, within(1e-15));
    assertThat(actual[2]).containsExactly(A[2]);
    assertThat(model.regionalisation()).isEqualTo(Regionalisation.SLQ);
  }

  @Test
  void anIndustryAbsentFromTheRegionSuppliesNothingAndAsABuyerUsesTheDiagonalRule() {
    // Industry 1 has no firms in the region.
    LocationQuotients lq = LocationQuotients.of(new double[] {30, 0, 70}, NATION);
    RegionalModel model = RegionalModel.of(A, lq, Regionalisation.FLQ);

    assertThat(lq.slq(1)).isZero();
    assertThat(lq.cilq(1, 0)).isZero();
    assertThat(lq.cilq(0, 1)).isInfinite();
    assertThat(model.regionalCoefficients()[1]).containsExactly(0, 0, 0);
    // Column 1 (absent buyer): λ·SLQ_i, SLQ_0 = 0.3/0.1 = 3 -> capped to 1, SLQ_2 = 1 -> λ.
    assertThat(lq.flq(0, 1)).isCloseTo(3 * LAMBDA, within(1e-12));
    assertThat(model.regionalCoefficient(0, 1)).isCloseTo(0.20, within(1e-15));
    assertThat(model.regionalCoefficient(2, 1)).isCloseTo(0.10 * LAMBDA, within(1e-12));
    for (double multiplier : model.outputMultipliers()) {
      assertThat(multiplier).isFinite().isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void deltaZeroMakesFlqEqualCilq() {
    LocationQuotients lq = LocationQuotients.of(REGION, NATION, 0.0);

    assertThat(lq.lambda()).isEqualTo(1.0);
    assertThat(lq.flq(0, 1)).isCloseTo(lq.cilq(0, 1), within(1e-15));
  }

  @Test
  void theInputsOfTheRegionalisationAreExposed() {
    LocationQuotients lq = LocationQuotients.of(REGION, NATION, 0.25);
    RegionalModel model = RegionalModel.of(A, lq, Regionalisation.FLQ);

    assertThat(model.locationQuotients().regionCounts()).containsExactly(REGION);
    assertThat(model.locationQuotients().nationCounts()).containsExactly(NATION);
    assertThat(model.locationQuotients().delta()).isEqualTo(0.25);
    assertThat(model.nationalCoefficients()).isDeepEqualTo(A);
  }

  @Test
  void countsThatCannotDescribeARegionOfTheNationAreRejected() {
    assertThatThrownBy(() -> LocationQuotients.of(NATION, REGION))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds nation total");
    assertThatThrownBy(() -> LocationQuotients.of(new double[] {1, 0}, new double[] {0, 5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("national count 0");
    assertThatThrownBy(() -> LocationQuotients.of(REGION, NATION, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta");
    assertThatThrownBy(() -> RegionalModel.of(A, LocationQuotients.of(new double[] {1, 1}, new double[] {2, 2}),
            Regionalisation.FLQ))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 industries");
  }

  @Test
  void aRegionOfTheBundled2020TableHasFiniteMultipliersBetweenOneAndTheNationalOnes() {
    IoTable table = IoTableCsvReader.bundled2020();
    double[] nation = table.compensationOfEmployees();
    double[] region = new double[nation.length];
    for (int i = 0; i < nation.length; i++) {
      region[i] = nation[i] * (i % 3 == 0 ? 0.15 : 0.05); // a region of 5-15% of each industry
    }
    RegionalModel model = RegionalModel.of(table, LocationQuotients.of(region, nation), Regionalisation.FLQ);
    double[] national = LeontiefModel.of(table).outputMultipliers();
    double[] regional = model.outputMultipliers();

    for (int j = 0; j < regional.length; j++) {
      assertThat(regional[j]).as(table.industryCodes().get(j))
          .isFinite().isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(national[j] + 1e-12);
      assertThat(model.leakage(j)).isBetween(0.0, 1.0);
    }
  }
}
