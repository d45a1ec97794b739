package uk.sectorgraph.api.funding;

import org.neo4j.driver.Record;
import uk.sectorgraph.api.organisation.OrganisationView;

/** One grant: a {@code RECEIVED} relationship with both its ends. */
public record AwardView(String id, OrganisationView organisation, FundingStreamView fundingStream, Double amountGbp,
    String awardedOn, String title) {

  /** Returns o (organisation projection), f (stream projection), r's fields as id, amount, awardedOn, title. */
  static final String COLUMNS = OrganisationView.PROJECTION + " AS o, " + FundingStreamView.PROJECTION
      + " AS f, r.id AS awardId, r.amountGbp AS amount, toString(r.awardedOn) AS awardedOn, r.title AS title";

  static AwardView from(Record r) {
    return new AwardView(r.get("awardId").isNull() ? null : r.get("awardId").asString(),
        OrganisationView.from(r.get("o")), FundingStreamView.from(r.get("f")),
        r.get("amount").isNull() ? null : r.get("amount").asDouble(),
        r.get("awardedOn").isNull() ? null : r.get("awardedOn").asString(),
        r.get("title").isNull() ? null : r.get("title").asString());
  }
}
