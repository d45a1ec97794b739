package uk.sectorgraph.analysis.area;

/**
 * One district of an area.
 *
 * @param share the fraction of the district that belongs to the area: 1.0, or the IN_LEP share for
 *              the four Hampshire districts split between two LEPs. Counts of the district are
 *              multiplied by it, on the assumption that firms are spread like the population.
 */
public record AreaLocalAuthority(String code, String name, double share) {}
