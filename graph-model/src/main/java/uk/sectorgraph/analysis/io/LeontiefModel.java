package uk.sectorgraph.analysis.io;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * The demand-driven Leontief model x = A·x + f, so x = L·f with L = (I − A)⁻¹.
 *
 * <p>{@code L[i][j]} is the output of industry i needed, directly and indirectly, per £1 of final
 * demand for industry j. The Type I output multiplier of j is the column sum Σ_i L[i][j]: the total
 * output of all industries per £1 of final demand for j (households exogenous, hence "Type I").
 *
 * <p>Immutable: L and the multipliers are computed once, in the factory, so one instance can be
 * cached and shared between threads and requests.
 */
public final class LeontiefModel {

  // Smallest |u_ii| / largest |u_ii| of the LU factors below which I − A is treated as singular
  // (e.g. a column of A summing to 1: an industry whose inputs cost its whole output). EJML's own
  // quality() is a product over the diagonal and shrinks with n, so it cannot be used for n = 105.
  private static final double MIN_PIVOT_RATIO = 1e-12;

  private final int size;
  private final double[][] coefficients;
  private final double[][] inverse;
  private final double[] outputMultipliers;

  private LeontiefModel(double[][] coefficients, double[][] inverse) {
    this.size = coefficients.length;
    this.coefficients = coefficients;
    this.inverse = inverse;
    this.outputMultipliers = new double[size];
    for (int j = 0; j < size; j++) {
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += inverse[i][j];
      }
      outputMultipliers[j] = sum;
    }
  }

  /** The model of a table's national direct-requirements matrix A. */
  public static LeontiefModel of(IoTable table) {
    return of(table.coefficients());
  }

  /**
   * The model of any square direct-requirements matrix (row = supplier, column = buyer).
   *
   * @throws IllegalArgumentException if {@code a} is not square, has a non-finite entry, or I − A
   *     cannot be inverted
   */
  public static LeontiefModel of(double[][] a) {
    Objects.requireNonNull(a, "a");
    int n = a.length;
    if (n == 0) {
      throw new IllegalArgumentException("the coefficient matrix is empty");
    }
    DMatrixRMaj iMinusA = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      if (a[i] == null || a[i].length != n) {
        throw new IllegalArgumentException("the coefficient matrix is not square: row " + i
            + " has " + (a[i] == null ? 0 : a[i].length) + " entries, expected " + n);
      }
      for (int j = 0; j < n; j++) {
        if (!Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException("coefficient [" + i + "][" + j + "] is " + a[i][j]);
        }
        iMinusA.set(i, j, (i == j ? 1.0 : 0.0) - a[i][j]);
      }
    }
    // LU with partial pivoting: the standard, stable way to invert a dense general matrix.
    LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(new LUDecompositionAlt_DDRM());
    if (!solver.setA(iMinusA) || solver.getDecomposition().isSingular()
        || pivotRatio(solver.getDecomposition().getLU()) < MIN_PIVOT_RATIO) {
      throw new IllegalArgumentException("I − A is singular or nearly so; the matrix has no Leontief inverse");
    }
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    solver.invert(inverse);
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        l[i][j] = inverse.get(i, j);
      }
    }
    return new LeontiefModel(IoTable.deepCopy(a), l);
  }

  /** Number of industries. */
  public int size() {
    return size;
  }

  /** A copy of the direct-requirements matrix the model was built from. */
  public double[][] coefficients() {
    return IoTable.deepCopy(coefficients);
  }

  /** A copy of L = (I − A)⁻¹. */
  public double[][] leontiefInverse() {
    return IoTable.deepCopy(inverse);
  }

  /** L[i][j] without copying the matrix. */
  public double leontiefInverse(int i, int j) {
    return inverse[i][j];
  }

  /** Type I output multipliers: column sums of L, one per (buying) industry. */
  public double[] outputMultipliers() {
    return outputMultipliers.clone();
  }

  public double outputMultiplier(int industry) {
    return outputMultipliers[industry];
  }

  /**
   * Change in gross output of every industry caused by a change in final demand: Δx = L·Δf. Same
   * units in as out (e.g. £ million).
   */
  public double[] outputChange(double[] finalDemandChange) {
    Objects.requireNonNull(finalDemandChange, "finalDemandChange");
    if (finalDemandChange.length != size) {
      throw new IllegalArgumentException("final demand change has " + finalDemandChange.length
          + " entries, the model has " + size + " industries");
    }
    double[] change = new double[size];
    for (int i = 0; i < size; i++) {
      double sum = 0;
      for (int j = 0; j < size; j++) {
        sum += inverse[i][j] * finalDemandChange[j];
      }
      change[i] = sum;
    }
    return change;
  }

  // Kept so a 105-row matrix does not flood a log line.
  @Override
  public String toString() {
    return "LeontiefModel[industries=" + size + "]";
  }

  private static double pivotRatio(DMatrixRMaj lu) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int i = 0; i < lu.numRows; i++) {
      double pivot = Math.abs(lu.get(i, i));
      min = Math.min(min, pivot);
      max = Math.max(max, pivot);
    }
    return max == 0 ? 0 : min / max;
  }
}
