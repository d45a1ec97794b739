package uk.sectorgraph.analysis.impact;

/**
 * A coefficient a result relied on, with how it was regionalised.
 *
 * @param national   a_ij
 * @param adjustment min(1, FLQ_ij) or min(1, SLQ_i)
 * @param regional   a_ij^r = a_ij · adjustment
 */
public record CoefficientUsed(String supplier, String buyer, double national, double adjustment, double regional) {}
