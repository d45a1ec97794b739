package uk.sectorgraph.analysis.impact;

/**
 * One entry of the final-demand change vector Δf, with how it was derived.
 *
 * @param industryCode   IOAT industry i
 * @param gbpMillion     Δf_i
 * @param regional       false when the shocked organisation lies outside the area (then only the
 *                       national model sees it)
 * @param derivation     plain words: "split of SIC 20 by area companies 41/97", "0.5 × (a_ij − a_ij^r) × x_j^r" …
 */
public record ShockComponent(String industryCode, double gbpMillion, boolean regional, String derivation) {}
