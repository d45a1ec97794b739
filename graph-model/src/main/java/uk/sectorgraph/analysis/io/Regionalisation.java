package uk.sectorgraph.analysis.io;

/** How {@link RegionalModel} scales national coefficients down to a region. */
public enum Regionalisation {
  /** a_ij · min(1, FLQ_ij): Flegg's location quotient, allowing for relative size and region size. */
  FLQ,
  /** a_ij · min(1, SLQ_i): simple location quotient of the supplier only; overstates regional supply. */
  SLQ
}
