package uk.sectorgraph.analysis.io;

import java.util.Objects;

/**
 * A regional input-output model made from the national table by location quotients (a
 * non-survey method): a_ij^r = a_ij · min(1, FLQ_ij), or a_ij · min(1, SLQ_i). The cap at 1 is
 * because a location quotient above 1 means the region can meet its own need from local supply,
 * but never more than the national technology requires; the rest of a_ij − a_ij^r is bought from
 * outside the region.
 *
 * <p>Immutable: the regional coefficients, their Leontief inverse and the leakages are computed once.
 * The location quotients (counts, SLQs, λ, δ) and the national coefficients are kept, so every
 * regional figure can be traced back to its inputs.
 */
public final class RegionalModel {

  private final Regionalisation regionalisation;
  private final LocationQuotients locationQuotients;
  private final double[][] nationalCoefficients;
  private final double[][] adjustments;
  private final double[][] regionalCoefficients;
  private final LeontiefModel leontief;
  private final double[] leakage;

  private RegionalModel(double[][] national, LocationQuotients quotients, Regionalisation regionalisation) {
    int n = national.length;
    this.regionalisation = regionalisation;
    this.locationQuotients = quotients;
    this.nationalCoefficients = national;
    this.adjustments = new double[n][n];
    this.regionalCoefficients = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double quotient = switch (regionalisation) {
          case FLQ -> quotients.flq(i, j);
          case SLQ -> quotients.slq(i);
        };
        adjustments[i][j] = Math.min(1.0, quotient);
        regionalCoefficients[i][j] = national[i][j] * adjustments[i][j];
      }
    }
    this.leontief = LeontiefModel.of(regionalCoefficients);
    this.leakage = new double[n];
    for (int j = 0; j < n; j++) {
      double nationalInputs = 0;
      double regionalInputs = 0;
      for (int i = 0; i < n; i++) {
        nationalInputs += national[i][j];
        regionalInputs += regionalCoefficients[i][j];
      }
      // An industry that buys no domestic intermediate inputs has nothing to leak.
      leakage[j] = nationalInputs == 0 ? 0 : 1 - regionalInputs / nationalInputs;
    }
  }

  /** Regionalises a national table's coefficients A. */
  public static RegionalModel of(IoTable national, LocationQuotients quotients, Regionalisation regionalisation) {
    return of(national.coefficients(), quotients, regionalisation);
  }

  /**
   * Regionalises any square national coefficient matrix (row = supplier, column = buyer) whose
   * industry order matches the counts behind {@code quotients}.
   */
  public static RegionalModel of(
      double[][] nationalCoefficients, LocationQuotients quotients, Regionalisation regionalisation) {
    Objects.requireNonNull(nationalCoefficients, "nationalCoefficients");
    Objects.requireNonNull(quotients, "quotients");
    Objects.requireNonNull(regionalisation, "regionalisation");
    int n = nationalCoefficients.length;
    if (n != quotients.size()) {
      throw new IllegalArgumentException("the coefficient matrix has " + n
          + " industries but the location quotients " + quotients.size());
    }
    for (int i = 0; i < n; i++) {
      if (nationalCoefficients[i] == null || nationalCoefficients[i].length != n) {
        throw new IllegalArgumentException("the coefficient matrix is not square at row " + i);
      }
    }
    return new RegionalModel(IoTable.deepCopy(nationalCoefficients), quotients, regionalisation);
  }

  public Regionalisation regionalisation() {
    return regionalisation;
  }

  /** The inputs of the regionalisation: counts, totals, SLQs, δ and λ. */
  public LocationQuotients locationQuotients() {
    return locationQuotients;
  }

  public int size() {
    return nationalCoefficients.length;
  }

  public double[][] nationalCoefficients() {
    return IoTable.deepCopy(nationalCoefficients);
  }

  /** The factor applied to each national coefficient: min(1, FLQ_ij) or min(1, SLQ_i). */
  public double[][] adjustments() {
    return IoTable.deepCopy(adjustments);
  }

  /** a_ij^r: regional purchases from regional industry i per £1 of regional output of j. */
  public double[][] regionalCoefficients() {
    return IoTable.deepCopy(regionalCoefficients);
  }

  public double regionalCoefficient(int supplier, int buyer) {
    return regionalCoefficients[supplier][buyer];
  }

  /** The Leontief model of the regional coefficients (regional inverse, output change). */
  public LeontiefModel leontief() {
    return leontief;
  }

  /** Regional Type I output multipliers: column sums of the regional Leontief inverse. */
  public double[] outputMultipliers() {
    return leontief.outputMultipliers();
  }

  /**
   * Leakage per buying industry j: 1 − Σ_i a_ij^r / Σ_i a_ij, the share of its (nationally sourced)
   * intermediate inputs that the region buys from elsewhere in the UK. 0 for an industry with no
   * domestic intermediate inputs. Imports from abroad are already outside the domestic-use A.
   */
  public double[] leakage() {
    return leakage.clone();
  }

  public double leakage(int buyer) {
    return leakage[buyer];
  }

  @Override
  public String toString() {
    return "RegionalModel[" + regionalisation + ", " + locationQuotients + "]";
  }
}
