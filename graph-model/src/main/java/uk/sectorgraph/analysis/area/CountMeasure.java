package uk.sectorgraph.analysis.area;

/** What is counted per industry when comparing an area with the nation. */
public enum CountMeasure {
  /**
   * Companies by primary SIC code, from the precomputed {@code HAS_FIRMS_IN} aggregates. Always
   * available; a proxy for employment that treats a one-person company like a large employer.
   */
  COMPANIES,
  /**
   * Employees: when a user loads employment figures, set {@code Organisation.employees}; this measure
   * then sums them, per industry, over companies that carry the property (companies without it count
   * 0). Summed directly at query time, since employment is not part of the aggregates.
   */
  EMPLOYEES
}
