package uk.sectorgraph.analysis.gaps;

import java.util.List;
import uk.sectorgraph.analysis.area.Area;

/**
 * All gaps of one partnership, with what they were measured against.
 *
 * @param focusSectors    the partnership's SIC codes
 * @param focusIndustries the IOAT industries of those codes' subclasses
 * @param gaps            ranked by severity, highest first
 */
public record GapReport(String partnershipId, String partnershipName, Area area, List<String> focusSectors,
    List<String> focusIndustries, int ioTableYear, GapThresholds thresholds, List<PartnershipGap> gaps) {

  public GapReport {
    focusSectors = List.copyOf(focusSectors);
    focusIndustries = List.copyOf(focusIndustries);
    gaps = List.copyOf(gaps);
  }
}
