package uk.sectorgraph.analysis.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One year of an industry-by-industry input-output table (domestic use, basic prices, £ million).
 *
 * <p>Industries are indexed in file order; index {@code i} means the same industry in every
 * component. In {@code coefficients} and {@code flowsGbpMillion}, row {@code i} is the supplying
 * industry and column {@code j} the buying industry, so {@code coefficients[i][j]} is the £ of
 * domestic industry i's output bought per £1 of industry j's output.
 *
 * <p>The record is immutable: arrays are copied on the way in and on the way out, so a caller can
 * never change a table that another caller (or a cached {@link LeontiefModel}) is using.
 *
 * @param year                    reference year of the table
 * @param industryCodes           IOAT industry codes in file order (for 2020: 105, {@code A01} … {@code T97})
 * @param industryNames           the row labels, same order
 * @param coefficients            A, direct requirements (domestic use), n×n
 * @param flowsGbpMillion         Z, domestic intermediate use, n×n
 * @param outputGbpMillion        P1, total output at basic prices per industry
 * @param finalDemandGbpMillion   total final use of each industry's output: TU − _T of its row
 *                                (household, government, NPISH consumption, capital formation,
 *                                inventories, valuables, exports)
 * @param compensationOfEmployees D1 per industry, £ million
 */
public record IoTable(
    int year,
    List<String> industryCodes,
    List<String> industryNames,
    double[][] coefficients,
    double[][] flowsGbpMillion,
    double[] outputGbpMillion,
    double[] finalDemandGbpMillion,
    double[] compensationOfEmployees) {

  public IoTable {
    industryCodes = List.copyOf(industryCodes);
    industryNames = List.copyOf(industryNames);
    int n = industryCodes.size();
    if (n == 0) {
      throw new IllegalArgumentException("an input-output table needs at least one industry");
    }
    if (industryNames.size() != n) {
      throw new IllegalArgumentException(
          "industryNames has " + industryNames.size() + " entries, industryCodes " + n);
    }
    if (industryCodes.stream().distinct().count() != n) {
      throw new IllegalArgumentException("industry codes are not unique: " + industryCodes);
    }
    coefficients = squareCopy("coefficients", coefficients, n);
    flowsGbpMillion = squareCopy("flowsGbpMillion", flowsGbpMillion, n);
    outputGbpMillion = vectorCopy("outputGbpMillion", outputGbpMillion, n);
    finalDemandGbpMillion = vectorCopy("finalDemandGbpMillion", finalDemandGbpMillion, n);
    compensationOfEmployees = vectorCopy("compensationOfEmployees", compensationOfEmployees, n);
  }

  /** Number of industries. */
  public int size() {
    return industryCodes.size();
  }

  /** Position of an industry code, or -1 if the table has no such industry (as {@link List#indexOf}). */
  public int indexOf(String code) {
    return industryCodes.indexOf(code);
  }

  /** a_ij without copying the whole matrix. */
  public double coefficient(int supplier, int buyer) {
    return coefficients[supplier][buyer];
  }

  @Override
  public double[][] coefficients() {
    return deepCopy(coefficients);
  }

  @Override
  public double[][] flowsGbpMillion() {
    return deepCopy(flowsGbpMillion);
  }

  @Override
  public double[] outputGbpMillion() {
    return outputGbpMillion.clone();
  }

  @Override
  public double[] finalDemandGbpMillion() {
    return finalDemandGbpMillion.clone();
  }

  @Override
  public double[] compensationOfEmployees() {
    return compensationOfEmployees.clone();
  }

  // Records compare arrays by reference; two tables read from the same files should be equal.
  @Override
  public boolean equals(Object other) {
    return other instanceof IoTable that
        && year == that.year
        && industryCodes.equals(that.industryCodes)
        && industryNames.equals(that.industryNames)
        && Arrays.deepEquals(coefficients, that.coefficients)
        && Arrays.deepEquals(flowsGbpMillion, that.flowsGbpMillion)
        && Arrays.equals(outputGbpMillion, that.outputGbpMillion)
        && Arrays.equals(finalDemandGbpMillion, that.finalDemandGbpMillion)
        && Arrays.equals(compensationOfEmployees, that.compensationOfEmployees);
  }

  @Override
  public int hashCode() {
    return Objects.hash(year, industryCodes, Arrays.deepHashCode(coefficients),
        Arrays.deepHashCode(flowsGbpMillion), Arrays.hashCode(outputGbpMillion));
  }

  // 105×105 numbers are no use in a log line.
  @Override
  public String toString() {
    return "IoTable[year=" + year + ", industries=" + industryCodes.size() + "]";
  }

  static double[][] deepCopy(double[][] matrix) {
    double[][] copy = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i].clone();
    }
    return copy;
  }

  private static double[][] squareCopy(String name, double[][] matrix, int n) {
    Objects.requireNonNull(matrix, name);
    if (matrix.length != n) {
      throw new IllegalArgumentException(name + " has " + matrix.length + " rows, expected " + n);
    }
    for (int i = 0; i < n; i++) {
      if (matrix[i] == null || matrix[i].length != n) {
        throw new IllegalArgumentException(name + " row " + i + " is not of length " + n);
      }
    }
    return deepCopy(matrix);
  }

  private static double[] vectorCopy(String name, double[] vector, int n) {
    Objects.requireNonNull(vector, name);
    if (vector.length != n) {
      throw new IllegalArgumentException(name + " has " + vector.length + " entries, expected " + n);
    }
    return vector.clone();
  }
}
