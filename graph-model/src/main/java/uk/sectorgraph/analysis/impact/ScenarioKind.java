package uk.sectorgraph.analysis.impact;

/** The three kinds of shock {@link SupplyChainImpact} can run. */
public enum ScenarioKind {
  /** Final demand for an industry (or a SIC sector's industries) grows by £X m. */
  FINAL_DEMAND,
  /** A share of what one industry buys from another outside the area is bought inside instead. */
  LOCALISE,
  /** An organisation-to-organisation supply link grows by £X m. */
  SUPPLY_LINK
}
