package uk.sectorgraph.analysis.impact;

import java.util.List;

/**
 * What one organisation in the area gains.
 *
 * @param industryCode     its primary industry (null for bodies without a SIC code)
 * @param localAuthority   the district it is located in
 * @param member           whether it belongs to the partnership
 * @param weight           its size weight: employees when present, else 1, times its district's share
 * @param industryShare    weight / total weight of the area's companies in its industry
 * @param gainGbpMillion   industryShare × (Δx^r of its industry − any direct shock) + directGbpMillion
 * @param directGbpMillion the part of a SUPPLY_LINK shock that goes straight to the supplier
 * @param industryPath     why its industry gains; null if it gains nothing
 * @param firmChain        a shortest SUPPLIES chain from it to a shocked organisation (it first), empty if none
 */
public record OrganisationGain(String id, String name, String kind, String industryCode, String localAuthority,
    boolean member, double weight, double industryShare, double gainGbpMillion, double directGbpMillion,
    IndustryPath industryPath, List<FirmStep> firmChain) {

  public OrganisationGain {
    firmChain = List.copyOf(firmChain);
  }
}
