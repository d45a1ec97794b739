package uk.sectorgraph.api.organisation;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/** An organisation as the API shows it; built from the Cypher map projection {@link #PROJECTION}. */
public record OrganisationView(
    String id,
    String name,
    String kind,
    String companyNumber,
    String status,
    String incorporatedOn,
    String dissolvedOn,
    String postcode,
    List<String> previousNames,
    Integer employees,
    boolean sample,
    String source,
    String asOf) {

  /** The columns every organisation query returns, so all of them can build this record. */
  public static final String PROJECTION = "o {.id, .name, .kind, .companyNumber, .status, .incorporatedOn, "
      + ".dissolvedOn, .postcode, .previousNames, .employees, .sample, .source, .asOf}";

  public static OrganisationView from(Value v) {
    Map<String, Object> m = v.asMap();
    return new OrganisationView(
        (String) m.get("id"), (String) m.getOrDefault("name", m.get("id")), kindOf(m.get("kind")),
        (String) m.get("companyNumber"), (String) m.get("status"), text(m.get("incorporatedOn")),
        text(m.get("dissolvedOn")), (String) m.get("postcode"),
        m.get("previousNames") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
        m.get("employees") instanceof Number n ? n.intValue() : null,
        Boolean.TRUE.equals(m.get("sample")), (String) m.get("source"), text(m.get("asOf")));
  }

  public String companiesHouseUrl() {
    return "COMPANY".equals(kind) && companyNumber != null && !companyNumber.startsWith("SG")
        ? "https://find-and-update.company-information.service.gov.uk/company/" + companyNumber
        : null;
  }

  private static String kindOf(Object kind) {
    return kind == null ? "COMPANY" : kind.toString();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
