package uk.sectorgraph.analysis.gaps;

/** The kinds of gap {@link PartnershipGaps} looks for; definitions in docs/methods.md. */
public enum GapKind {
  /** An industry the area specialises in (LQ and count thresholds) with no member in it. */
  UNREPRESENTED_SECTOR,
  /** A major input industry of the focus sectors that the area lacks or no member is in. */
  MISSING_SUPPLY_TIER,
  /** An organisation central to the area's network, or large in the focus sectors, that is not a member. */
  ANCHOR_OUTSIDE,
  /** A funding stream open to the area and the focus sectors that no member has received. */
  UNCLAIMED_FUNDING,
  /** A district with a large share of the area's focus-sector firms and no member located there. */
  UNCOVERED_PLACE,
  /** No university or college, local authority, company or trade body among the members. */
  MISSING_KIND,
  /** A member whose departure would split the members' network (an articulation point). */
  SINGLE_BROKER
}
