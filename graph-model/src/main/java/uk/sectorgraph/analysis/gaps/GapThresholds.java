package uk.sectorgraph.analysis.gaps;

/**
 * The thresholds of the gap definitions; echoed in every {@link GapReport} and in each gap's figures.
 *
 * @param minLocationQuotient           UNREPRESENTED_SECTOR: SLQ at or above which the area specialises (1.25)
 * @param minCompanies                  UNREPRESENTED_SECTOR: and at least this many area companies (5)
 * @param supplyTierTopN                MISSING_SUPPLY_TIER: how many top input industries to examine (5)
 * @param supplyTierMaxLocationQuotient MISSING_SUPPLY_TIER: SLQ below which the area "lacks" an input (0.8)
 * @param anchorTopN                    ANCHOR_OUTSIDE: most central non-members reported (3)
 * @param anchorMinEmploymentShare      ANCHOR_OUTSIDE: a non-member with at least this share of the area's
 *                                      focus-sector employees is reported as large (0.05)
 * @param maxOfficerAppointments        people with more appointments than this do not make "shared officer"
 *                                      links (nominee and formation-agent directors) (20)
 * @param uncoveredPlaceMinShare        UNCOVERED_PLACE: district share of the area's focus-sector firms (0.10)
 * @param maxBetweennessVertices        above this many organisations, degree replaces betweenness (5000)
 */
public record GapThresholds(double minLocationQuotient, int minCompanies, int supplyTierTopN,
    double supplyTierMaxLocationQuotient, int anchorTopN, double anchorMinEmploymentShare, int maxOfficerAppointments,
    double uncoveredPlaceMinShare, int maxBetweennessVertices) {

  public GapThresholds {
    if (minLocationQuotient <= 0 || minCompanies < 0 || supplyTierTopN < 0 || supplyTierMaxLocationQuotient < 0
        || anchorTopN < 0 || anchorMinEmploymentShare < 0 || maxOfficerAppointments < 2
        || uncoveredPlaceMinShare < 0 || uncoveredPlaceMinShare > 1 || maxBetweennessVertices < 0) {
      throw new IllegalArgumentException("invalid gap thresholds: " + this);
    }
  }

  public static GapThresholds defaults() {
    return new GapThresholds(1.25, 5, 5, 0.8, 3, 0.05, 20, 0.10, 5000);
  }
}
