package uk.sectorgraph.analysis.impact;

import java.util.List;

/**
 * Why an industry gains: the strongest chain of regional purchases from the shocked industry back to
 * it, found by maximising the product of regional coefficients a^r along paths of bounded length.
 *
 * @param industries        from the shocked industry to the gaining one; each buys from the next
 * @param display           e.g. {@code C20B ← C20A ← D352_3} ("C20B buys from C20A, which buys from D352_3")
 * @param strength          product of the a^r along the path (for a path of one industry: 1)
 * @param totalRequirement  L^r[gaining][shocked]: all direct and indirect paths together
 */
public record IndustryPath(List<String> industries, String display, double strength, double totalRequirement) {

  public IndustryPath {
    industries = List.copyOf(industries);
  }
}
