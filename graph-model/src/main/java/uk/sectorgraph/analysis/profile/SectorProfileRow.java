package uk.sectorgraph.analysis.profile;

import java.util.List;

/**
 * One industry or SIC section of a {@link SectorProfile}.
 *
 * @param areaCompanies    companies (primary SIC code) in the area, weighted by district share
 * @param nationCompanies  companies in all districts
 * @param locationQuotient (area / area total) / (nation / nation total); 0 when the area has none
 * @param incorporations   companies incorporated per year, area and nation, years with any incorporation
 */
public record SectorProfileRow(String code, String name, double areaCompanies, double nationCompanies,
    double locationQuotient, List<IncorporationYear> incorporations) {

  public SectorProfileRow {
    incorporations = List.copyOf(incorporations);
  }
}
