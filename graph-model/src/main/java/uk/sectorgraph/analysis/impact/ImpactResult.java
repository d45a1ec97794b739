package uk.sectorgraph.analysis.impact;

import java.util.List;
import uk.sectorgraph.analysis.area.Area;

/**
 * The result of {@link SupplyChainImpact#run}.
 *
 * @param request    the request, as run
 * @param area       the resolved area
 * @param inputs     counts, LQs, λ, δ and coefficients behind the numbers
 * @param shock      Δf, entry by entry with its derivation
 * @param industries industries with a non-zero effect, by regional output change, largest first
 * @param partners   every member of the partnership, by gain, largest first (empty without a partnership)
 * @param toInvite   the non-members who gain most
 * @param totals     totals and leakage
 */
public record ImpactResult(ImpactRequest request, Area area, ModelInputs inputs, List<ShockComponent> shock,
    List<IndustryImpact> industries, List<OrganisationGain> partners, List<OrganisationGain> toInvite,
    ImpactTotals totals) {

  public ImpactResult {
    shock = List.copyOf(shock);
    industries = List.copyOf(industries);
    partners = List.copyOf(partners);
    toInvite = List.copyOf(toInvite);
  }
}
