package uk.sectorgraph.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeontiefModelTest {

  /*
   * Two-sector textbook economy (Miller & Blair, Input-Output Analysis, 2nd ed., section 2.3):
   *   Z = | 150 500 |   x = | 1000 |   so  A = Z / x (column-wise) = | 0.15 0.25 |
   *       | 200 100 |       | 2000 |                                  | 0.20 0.05 |
   *   f = x - Z·1 = (1000 - 650, 2000 - 300) = (350, 1700)
   *
   *   I - A = |  0.85 -0.25 |   det = 0.85·0.95 - 0.25·0.20 = 0.8075 - 0.05 = 0.7575
   *           | -0.20  0.95 |
   *   L = (1/0.7575) · | 0.95 0.25 | = | 1.254125 0.330033 |
   *                    | 0.20 0.85 |   | 0.264026 1.122112 |
   *   Type I output multipliers (column sums):
   *     m1 = (0.95 + 0.20) / 0.7575 = 1.15 / 0.7575 = 1.518152
   *     m2 = (0.25 + 0.85) / 0.7575 = 1.10 / 0.7575 = 1.452145
   *   Check: L·f = (1.254125·350 + 0.330033·1700, 0.264026·350 + 1.122112·1700) = (1000, 2000) = x.
   *   Δf = (600, 1500): Δx = ((0.95·600 + 0.25·1500)/0.7575, (0.20·600 + 0.85·1500)/0.7575)
   *                        = (945/0.7575, 1395/0.7575) = (1247.525, 1841.584)
   */
  private static final double[][] TEXTBOOK_A = {{0.15, 0.25}, {0.20, 0.05}};
  private static final double DET = 0.7575;

  @Test
  void leontiefInverseOfTheTextbookEconomyMatchesTheHandComputation() {
    LeontiefModel model = LeontiefModel.of(TEXTBOOK_A);

    double[][] l = model.leontiefInverse();
    assertThat(l[0][0]).isCloseTo(0.95 / DET, within(1e-12));
    assertThat(l[0][1]).isCloseTo(0.25 / DET, within(1e-12));
    assertThat(l[1][0]).isCloseTo(0.20 / DET, within(1e-12));
    assertThat(l[1][1]).isCloseTo(0.85 / DET, within(1e-12));
    assertThat(l[0][0]).isCloseTo(1.254125, within(1e-6));
  }

  @Test
  void typeOneOutputMultipliersAreTheColumnSumsOfTheInverse() {
    LeontiefModel model = LeontiefModel.of(TEXTBOOK_A);

    assertThat(model.outputMultipliers()).containsExactly(
        new double[] {1.15 / DET, 1.10 / DET}, within(1e-12));
    assertThat(model.outputMultiplier(0)).isCloseTo(1.518152, within(1e-6));
    assertThat(model.outputMultiplier(1)).isCloseTo(1.452145, within(1e-6));
  }

  @Test
  void finalDemandReproducesGrossOutputAndAChangeInDemandGivesTheHandComputedOutputChange() {
    LeontiefModel model = LeontiefModel.of(TEXTBOOK_A);

    assertThat(model.outputChange(new double[] {350, 1700}))
        .containsExactly(new double[] {1000, 2000}, within(1e-9));
    assertThat(model.outputChange(new double[] {600, 1500}))
        .containsExactly(new double[] {945 / DET, 1395 / DET}, within(1e-9));
  }

  @Test
  void theModelKeepsItsOwnCopyOfTheCoefficients() {
    double[][] a = {{0.15, 0.25}, {0.20, 0.05}};
    LeontiefModel model = LeontiefModel.of(a);
    a[0][0] = 0.9;
    model.leontiefInverse()[0][0] = 42;

    assertThat(model.leontiefInverse(0, 0)).isCloseTo(0.95 / DET, within(1e-12));
    assertThat(model.coefficients()[0][0]).isEqualTo(0.15);
  }

  @Test
  void aSingularSystemIsRejected() {
    // Column 1 sums to 1 and equals column 2: I - A has two identical columns.
    double[][] a = {{0.5, 0.5}, {0.5, 0.5}};

    assertThatThrownBy(() -> LeontiefModel.of(a))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("singular");
  }

  @Test
  void aNonSquareMatrixIsRejected() {
    assertThatThrownBy(() -> LeontiefModel.of(new double[][] {{0.1, 0.2}, {0.3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not square");
  }

  @Test
  void aDemandVectorOfTheWrongLengthIsRejected() {
    LeontiefModel model = LeontiefModel.of(TEXTBOOK_A);

    assertThatThrownBy(() -> model.outputChange(new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 entries");
  }
}
