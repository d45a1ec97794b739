package uk.sectorgraph.analysis.impact;

import java.util.Objects;
import uk.sectorgraph.analysis.area.CountMeasure;
import uk.sectorgraph.analysis.io.LocationQuotients;
import uk.sectorgraph.analysis.io.Regionalisation;

/**
 * Everything {@link SupplyChainImpact} needs; echoed in the result.
 *
 * @param areaSpec        LEP code, local authority code, or comma-separated local authority codes
 * @param partnershipId   the partnership whose members are "inside"; null for none
 * @param scenario        the shock
 * @param regionalisation FLQ (default) or SLQ
 * @param delta           Flegg's δ (default {@value LocationQuotients#DEFAULT_DELTA}); unused by SLQ
 * @param measure         what the location quotients count (default COMPANIES)
 * @param ioTableYear     the input-output table year; null for the latest stored
 * @param maxPathEdges    longest industry supply path reported as "why" (default 4)
 * @param maxFirmHops     longest firm SUPPLIES chain searched (default 4, at most 6)
 * @param inviteLimit     how many non-members to list as whom to invite (default 10)
 */
public record ImpactRequest(String areaSpec, String partnershipId, Scenario scenario, Regionalisation regionalisation,
    double delta, CountMeasure measure, Integer ioTableYear, int maxPathEdges, int maxFirmHops, int inviteLimit) {

  public static final int DEFAULT_MAX_PATH_EDGES = 4;
  public static final int DEFAULT_MAX_FIRM_HOPS = 4;
  public static final int DEFAULT_INVITE_LIMIT = 10;

  public ImpactRequest {
    Objects.requireNonNull(areaSpec, "areaSpec");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(regionalisation, "regionalisation");
    Objects.requireNonNull(measure, "measure");
    if (!(delta >= 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in [0, 1), was " + delta);
    }
    if (maxPathEdges < 1 || maxPathEdges > 6 || maxFirmHops < 1 || maxFirmHops > 6 || inviteLimit < 0) {
      throw new IllegalArgumentException("maxPathEdges and maxFirmHops must be 1..6, inviteLimit ≥ 0");
    }
  }

  /** FLQ with δ = 0.3, company counts, the latest table, default limits. */
  public static ImpactRequest of(String areaSpec, String partnershipId, Scenario scenario) {
    return new ImpactRequest(areaSpec, partnershipId, scenario, Regionalisation.FLQ, LocationQuotients.DEFAULT_DELTA,
        CountMeasure.COMPANIES, null, DEFAULT_MAX_PATH_EDGES, DEFAULT_MAX_FIRM_HOPS, DEFAULT_INVITE_LIMIT);
  }
}
