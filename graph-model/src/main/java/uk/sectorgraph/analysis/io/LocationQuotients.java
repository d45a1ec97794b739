package uk.sectorgraph.analysis.io;

import java.util.Objects;

/**
 * Location quotients of a region against its nation, from counts per industry (employees,
 * enterprises, or anything else additive), in the industry order of the input-output table.
 *
 * <ul>
 *   <li>SLQ_i = (r_i / R) / (n_i / N): how concentrated industry i is in the region.
 *   <li>CILQ_ij = SLQ_i / SLQ_j: supplier i's size relative to buyer j's in the region.
 *   <li>FLQ_ij = CILQ_ij · λ for i ≠ j, and SLQ_i · λ for i = j (CILQ_ii is always 1, so Flegg et
 *       al. use SLQ_i on the diagonal, the usual convention), with λ = [log2(1 + R/N)]^δ. λ < 1
 *       shrinks everything more the smaller the region, because small regions import more.
 * </ul>
 *
 * <p>Zero counts:
 *
 * <ul>
 *   <li>An industry absent from the region (r_i = 0) has SLQ_i = 0, CILQ_ij = 0 and FLQ_ij = 0: the
 *       region cannot supply what it does not produce, so its regional supply coefficients are 0.
 *   <li>An industry absent from the nation (n_i = 0) must be absent from the region too (the region
 *       is part of the nation); it gets SLQ_i = 0 rather than 0/0.
 *   <li>An absent buyer (SLQ_j = 0, SLQ_i > 0) makes CILQ_ij = SLQ_i / 0 = +∞, which
 *       {@link #cilq} reports as it is. For the FLQ we then use the diagonal rule, λ·SLQ_i: the
 *       column only matters as a hypothetical entrant ("what if a firm in j opened here?"), and
 *       λ·SLQ_i is the bounded, cautious reading — local suppliers serve it in proportion to their
 *       regional concentration, discounted for regional size — where an infinite CILQ would assume
 *       every present supplier meets the whole of j's demand.
 * </ul>
 *
 * <p>Immutable; all inputs are kept and exposed so a regional result can be traced to its counts.
 */
public final class LocationQuotients {

  /** The δ most often used in the FLQ literature since Flegg and Webber's work on Scottish data. */
  public static final double DEFAULT_DELTA = 0.3;

  private final double[] regionCounts;
  private final double[] nationCounts;
  private final double regionTotal;
  private final double nationTotal;
  private final double delta;
  private final double lambda;
  private final double[] slq;

  private LocationQuotients(double[] region, double[] nation, double delta) {
    this.regionCounts = region.clone();
    this.nationCounts = nation.clone();
    this.delta = delta;
    double r = 0;
    double n = 0;
    for (int i = 0; i < region.length; i++) {
      r += region[i];
      n += nation[i];
    }
    this.regionTotal = r;
    this.nationTotal = n;
    if (r <= 0 || n <= 0) {
      throw new IllegalArgumentException("region total " + r + " and nation total " + n + " must both be positive");
    }
    if (r > n) {
      throw new IllegalArgumentException("region total " + r + " exceeds nation total " + n
          + ": the region must be part of the nation (arguments swapped?)");
    }
    this.lambda = Math.pow(Math.log1p(r / n) / Math.log(2), delta);
    this.slq = new double[region.length];
    for (int i = 0; i < region.length; i++) {
      slq[i] = nation[i] == 0 ? 0 : (region[i] / r) / (nation[i] / n);
    }
  }

  /** Location quotients with Flegg's δ = {@value #DEFAULT_DELTA}. */
  public static LocationQuotients of(double[] regionCounts, double[] nationCounts) {
    return of(regionCounts, nationCounts, DEFAULT_DELTA);
  }

  /**
   * @param regionCounts counts per industry in the region, ≥ 0
   * @param nationCounts counts per industry in the nation, ≥ 0, same length and order
   * @param delta Flegg's δ in [0, 1]; 0 makes λ = 1 (FLQ = CILQ), larger δ means more imports
   */
  public static LocationQuotients of(double[] regionCounts, double[] nationCounts, double delta) {
    Objects.requireNonNull(regionCounts, "regionCounts");
    Objects.requireNonNull(nationCounts, "nationCounts");
    if (regionCounts.length != nationCounts.length || regionCounts.length == 0) {
      throw new IllegalArgumentException("region has " + regionCounts.length + " counts and nation "
          + nationCounts.length + "; they must be the same, non-zero, number of industries");
    }
    if (!(delta >= 0 && delta <= 1)) {
      throw new IllegalArgumentException("delta must be in [0, 1], was " + delta);
    }
    for (int i = 0; i < regionCounts.length; i++) {
      double r = regionCounts[i];
      double n = nationCounts[i];
      if (!(Double.isFinite(r) && r >= 0 && Double.isFinite(n) && n >= 0)) {
        throw new IllegalArgumentException("counts must be finite and ≥ 0; industry " + i
            + " has region " + r + ", nation " + n);
      }
      if (n == 0 && r > 0) {
        throw new IllegalArgumentException("industry " + i + " has region count " + r
            + " but national count 0; the region must be part of the nation");
      }
    }
    return new LocationQuotients(regionCounts, nationCounts, delta);
  }

  public int size() {
    return slq.length;
  }

  public double[] regionCounts() {
    return regionCounts.clone();
  }

  public double[] nationCounts() {
    return nationCounts.clone();
  }

  /** R, the sum of the regional counts. */
  public double regionTotal() {
    return regionTotal;
  }

  /** N, the sum of the national counts. */
  public double nationTotal() {
    return nationTotal;
  }

  public double delta() {
    return delta;
  }

  /** λ = [log2(1 + R/N)]^δ. */
  public double lambda() {
    return lambda;
  }

  /** SLQ_i for every industry. */
  public double[] simpleLocationQuotients() {
    return slq.clone();
  }

  public double slq(int industry) {
    return slq[industry];
  }

  /** CILQ_ij = SLQ_i / SLQ_j; 0 if the supplier is absent, +∞ if only the buyer is absent. */
  public double cilq(int supplier, int buyer) {
    if (slq[supplier] == 0) {
      return 0;
    }
    if (slq[buyer] == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return slq[supplier] / slq[buyer];
  }

  /**
   * FLQ_ij = λ·CILQ_ij; λ·SLQ_i on the diagonal and for an absent buyer (see the class comment).
   * Not capped at 1: {@link RegionalModel} applies min(1, FLQ).
   */
  public double flq(int supplier, int buyer) {
    if (supplier == buyer || slq[buyer] == 0) {
      return lambda * slq[supplier];
    }
    return lambda * cilq(supplier, buyer);
  }

  @Override
  public String toString() {
    return "LocationQuotients[industries=" + slq.length + ", R=" + regionTotal + ", N=" + nationTotal
        + ", delta=" + delta + ", lambda=" + lambda + "]";
  }
}
