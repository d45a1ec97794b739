package uk.sectorgraph.api.geography;

/** Areas as the API shows them. */
public final class GeographyViews {

  private GeographyViews() {}

  public record LepView(String code, String name, String code2017) {}

  public record LocalAuthorityView(String code, String name) {}

  public record LepDistrict(LocalAuthorityView localAuthority, double share) {}
}
