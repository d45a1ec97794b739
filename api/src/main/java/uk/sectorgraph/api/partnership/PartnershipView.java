package uk.sectorgraph.api.partnership;

import java.util.List;
import org.neo4j.driver.Value;

/** A partnership as the API shows it; {@code focusSectorCodes} resolve to sectors in a batch. */
public record PartnershipView(String id, String name, String description, List<String> focusSectorCodes,
    String areaCode, boolean sample) {

  public static final String PROJECTION = "p {.id, .name, .description, .focusSectors, .areaCode, .sample}";

  public static PartnershipView from(Value p) {
    return new PartnershipView(p.get("id").asString(), p.get("name").asString(),
        p.get("description").isNull() ? null : p.get("description").asString(),
        p.get("focusSectors").isNull() ? List.of() : p.get("focusSectors").asList(Value::asString),
        p.get("areaCode").isNull() ? null : p.get("areaCode").asString(),
        !p.get("sample").isNull() && p.get("sample").asBoolean());
  }
}
