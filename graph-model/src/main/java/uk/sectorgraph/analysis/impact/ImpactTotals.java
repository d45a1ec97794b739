package uk.sectorgraph.analysis.impact;

/**
 * Totals of an impact, £m.
 *
 * @param regionalOutputChange  Σ Δx^r: output change inside the area
 * @param nationalOutputChange  Σ L·Δf: output change anywhere in the UK
 * @param leakageOutsideArea    national − regional: the part of the effect that lands outside the area
 * @param allocated             the part of the regional change allocated to organisations
 * @param unallocated           regional change in industries where the area has no organisations
 * @param insidePartnership     allocated to members
 * @param outsidePartnership    allocated to non-members (inside + outside = allocated)
 */
public record ImpactTotals(double regionalOutputChange, double nationalOutputChange, double leakageOutsideArea,
    double allocated, double unallocated, double insidePartnership, double outsidePartnership) {}
