package uk.sectorgraph.api.funding;

import java.util.List;
import org.neo4j.driver.Value;

/** A funding stream as the API shows it. */
public record FundingStreamView(String id, String funder, String funderId, String programme, Double amountGbp,
    String opensOn, String closesOn, List<String> eligibleSectors, List<String> eligibleAreas, String source,
    String asOf) {

  public static final String PROJECTION = "f {.id, .funder, .funderId, .programme, .amountGbp, .eligibleSectors, "
      + ".eligibleAreas, .source, opensOn: toString(f.opensOn), closesOn: toString(f.closesOn), asOf: toString(f.asOf)}";

  public static FundingStreamView from(Value f) {
    return new FundingStreamView(f.get("id").asString(), str(f, "funder"), str(f, "funderId"), str(f, "programme"),
        f.get("amountGbp").isNull() ? null : f.get("amountGbp").asDouble(), str(f, "opensOn"), str(f, "closesOn"),
        list(f, "eligibleSectors"), list(f, "eligibleAreas"), str(f, "source"), str(f, "asOf"));
  }

  private static String str(Value v, String key) {
    return v.get(key).isNull() ? null : v.get(key).asString();
  }

  private static List<String> list(Value v, String key) {
    return v.get(key).isNull() ? List.of() : v.get(key).asList(Value::asString);
  }
}
