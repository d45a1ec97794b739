package uk.sectorgraph.api.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.curation.CurationInputs.*;
import uk.sectorgraph.api.funding.FundingStreamView;
import uk.sectorgraph.api.limits.BadInput;
import uk.sectorgraph.api.organisation.OrganisationRelations.Membership;
import uk.sectorgraph.api.organisation.OrganisationRelations.SupplyLink;
import uk.sectorgraph.api.organisation.OrganisationView;
import uk.sectorgraph.api.partnership.PartnershipView;
import uk.sectorgraph.api.sector.SectorController.SectorGroupingView;
import uk.sectorgraph.api.store.GraphReads;

/**
 * The curation mutations. Each needs role EDITOR (ADMIN includes it), checks its input first (an
 * invalid field is a BAD_USER_INPUT error naming the field, never a server error), then writes in one
 * parameterised statement stamping {@code source: 'curated'}, {@code asOf: date()} and {@code curatedBy}.
 */
@Controller
class CurationController {

  private static final String STAMP = "source = 'curated', %1$s.asOf = date(), %1$s.curatedBy = $user";

  private final GraphReads graph;
  private final Checks checks;

  CurationController(GraphReads graph) {
    this.graph = graph;
    this.checks = new Checks(graph);
  }

  private static String stamp(String variable) {
    return variable + "." + STAMP.formatted(variable);
  }

  private static String user() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a == null ? "unknown" : a.getName();
  }

  // --- Partnerships ---

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  PartnershipPayload createPartnership(@Argument CreatePartnershipInput input) {
    String name = Checks.text(input.name(), "input.name");
    String id = Checks.slug(input.id(), name, "input.id", "input.name");
    String description = Checks.optionalText(input.description(), "input.description");
    checks.sectors(input.focusSectors(), "input.focusSectors");
    checks.area(input.areaCode(), "input.areaCode");
    if (checks.exists("Partnership", id)) {
      throw BadInput.error(input.id() != null ? "input.id" : "input.name", "a partnership with id '" + id + "' already exists");
    }
    Map<String, Object> p = new HashMap<>();
    p.put("id", id);
    p.put("name", name);
    p.put("description", description);
    p.put("focusSectors", input.focusSectors() == null ? List.of() : input.focusSectors());
    p.put("areaCode", input.areaCode());
    p.put("user", user());
    graph.write("""
        CREATE (x:Partnership {id: $id})
        SET x.name = $name, x.description = $description, x.focusSectors = $focusSectors, x.areaCode = $areaCode,
            %s
        WITH x
        CALL (x) { OPTIONAL MATCH (a) WHERE (a:Lep OR a:LocalAuthority) AND a.code = $areaCode
                   FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (x)-[:COVERS]->(a)) }
        CALL (x) { UNWIND $focusSectors AS code MATCH (s:Sector {code: code}) MERGE (x)-[:FOCUSES_ON]->(s) }
        RETURN x.id AS id""".formatted(stamp("x")), p, rows -> rows);
    return new PartnershipPayload(partnership(id));
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  PartnershipPayload updatePartnership(@Argument UpdatePartnershipInput input) {
    checks.mustExist("Partnership", input.id(), "input.id");
    String name = input.name() == null ? null : Checks.text(input.name(), "input.name");
    String description = Checks.optionalText(input.description(), "input.description");
    checks.sectors(input.focusSectors(), "input.focusSectors");
    checks.area(input.areaCode(), "input.areaCode");
    Map<String, Object> p = new HashMap<>();
    p.put("id", input.id());
    p.put("name", name);
    p.put("description", description);
    p.put("focusSectors", input.focusSectors());
    p.put("areaCode", input.areaCode());
    p.put("user", user());
    graph.write("""
        MATCH (x:Partnership {id: $id})
        SET x.name = coalesce($name, x.name), x.description = coalesce($description, x.description),
            x.focusSectors = coalesce($focusSectors, x.focusSectors), x.areaCode = coalesce($areaCode, x.areaCode),
            %s
        WITH x
        CALL (x) { MATCH (x)-[c:COVERS]->() WHERE $areaCode IS NOT NULL DELETE c }
        CALL (x) { MATCH (a) WHERE $areaCode IS NOT NULL AND (a:Lep OR a:LocalAuthority) AND a.code = $areaCode
                   MERGE (x)-[:COVERS]->(a) }
        CALL (x) { MATCH (x)-[f:FOCUSES_ON]->() WHERE $focusSectors IS NOT NULL DELETE f }
        CALL (x) { UNWIND coalesce($focusSectors, []) AS code MATCH (s:Sector {code: code}) MERGE (x)-[:FOCUSES_ON]->(s) }
        RETURN x.id AS id""".formatted(stamp("x")), p, rows -> rows);
    return new PartnershipPayload(partnership(input.id()));
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  DeletePayload deletePartnership(@Argument String id) {
    Checks.text(id, "id");
    long n = graph.write("MATCH (x:Partnership {id: $id}) DETACH DELETE x RETURN count(*) AS n", Map.of("id", id),
        rows -> rows.isEmpty() ? 0L : rows.getFirst().get("n").asLong());
    return new DeletePayload(id, n > 0);
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  MembershipPayload addPartnershipMember(@Argument PartnershipMemberInput input) {
    checks.mustExist("Partnership", input.partnershipId(), "input.partnershipId");
    checks.organisationExists(input.organisationId(), "input.organisationId");
    String role = Checks.role(input.role(), "input.role");
    var since = Checks.date(input.since(), "input.since");
    Map<String, Object> p = new HashMap<>();
    p.put("partnership", input.partnershipId());
    p.put("organisation", input.organisationId());
    p.put("role", role);
    p.put("since", since);
    p.put("user", user());
    Record r = graph.write("""
        MATCH (o:Organisation {id: $organisation}), (x:Partnership {id: $partnership})
        MERGE (o)-[m:MEMBER_OF]->(x)
        SET m.role = $role, m.since = coalesce($since, m.since, date()), %s
        RETURN %s AS o, %s AS p, m.role AS role, toString(m.since) AS since"""
        .formatted(stamp("m"), OrganisationView.PROJECTION, PartnershipView.PROJECTION.replace("p {", "x {")), p,
        rows -> rows.getFirst());
    return new MembershipPayload(new Membership(OrganisationView.from(r.get("o")), PartnershipView.from(r.get("p")),
        r.get("role").asString(), r.get("since").isNull() ? null : r.get("since").asString()));
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  DeletePayload removePartnershipMember(@Argument RemovePartnershipMemberInput input) {
    Checks.text(input.partnershipId(), "input.partnershipId");
    Checks.text(input.organisationId(), "input.organisationId");
    long n = graph.write("""
        MATCH (:Organisation {id: $organisation})-[m:MEMBER_OF]->(:Partnership {id: $partnership})
        DELETE m RETURN count(*) AS n""", Map.of("organisation", input.organisationId(), "partnership", input.partnershipId()),
        rows -> rows.isEmpty() ? 0L : rows.getFirst().get("n").asLong());
    return new DeletePayload(input.partnershipId() + "/" + input.organisationId(), n > 0);
  }

  // --- Supplier links ---

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  SupplyLinkPayload addSupplierLink(@Argument SupplierLinkInput input) {
    checks.organisationExists(input.supplierId(), "input.supplierId");
    checks.organisationExists(input.customerId(), "input.customerId");
    if (input.supplierId().equals(input.customerId())) {
      throw BadInput.error("input.customerId", "an organisation cannot supply itself");
    }
    Map<String, Object> p = new HashMap<>();
    p.put("supplier", input.supplierId());
    p.put("customer", input.customerId());
    p.put("what", Checks.optionalText(input.what(), "input.what"));
    p.put("value", Checks.nonNegative(input.valueGbp(), "input.valueGbp"));
    p.put("evidence", Checks.optionalText(input.evidence(), "input.evidence"));
    p.put("user", user());
    Record r = graph.write("""
        MATCH (s:Organisation {id: $supplier}), (o:Organisation {id: $customer})
        MERGE (s)-[r:SUPPLIES]->(o)
        SET r.what = $what, r.valueGbp = $value, r.evidence = $evidence, %s
        RETURN %s AS s, %s AS o, r.what AS what, r.valueGbp AS value, r.evidence AS evidence, r.source AS source"""
        .formatted(stamp("r"), OrganisationView.PROJECTION.replace("o {", "s {"), OrganisationView.PROJECTION), p,
        rows -> rows.getFirst());
    return new SupplyLinkPayload(new SupplyLink(OrganisationView.from(r.get("s")), OrganisationView.from(r.get("o")),
        r.get("what").isNull() ? null : r.get("what").asString(), r.get("value").isNull() ? null : r.get("value").asDouble(),
        r.get("evidence").isNull() ? null : r.get("evidence").asString(), r.get("source").asString()));
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  DeletePayload removeSupplierLink(@Argument RemoveSupplierLinkInput input) {
    Checks.text(input.supplierId(), "input.supplierId");
    Checks.text(input.customerId(), "input.customerId");
    long n = graph.write("""
        MATCH (:Organisation {id: $supplier})-[r:SUPPLIES]->(:Organisation {id: $customer})
        DELETE r RETURN count(*) AS n""", Map.of("supplier", input.supplierId(), "customer", input.customerId()),
        rows -> rows.isEmpty() ? 0L : rows.getFirst().get("n").asLong());
    return new DeletePayload(input.supplierId() + "->" + input.customerId(), n > 0);
  }

  // --- Funding streams ---

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  FundingStreamPayload createFundingStream(@Argument CreateFundingStreamInput input) {
    String funder = Checks.text(input.funder(), "input.funder");
    String programme = Checks.text(input.programme(), "input.programme");
    if (input.funderId() != null) {
      checks.organisationExists(input.funderId(), "input.funderId");
    }
    String id;
    if (input.id() != null) {
      id = Checks.text(input.id(), "input.id");
      if (!id.matches("[A-Za-z0-9][A-Za-z0-9/_.:-]{0,159}")) {
        throw BadInput.error("input.id", "may hold only letters, digits and / _ . : - (at most 160), was '" + input.id() + "'");
      }
    } else {
      String owner = input.funderId() != null ? input.funderId() : Checks.slug(null, funder, "input.id", "input.funder");
      id = owner + "/" + Checks.slug(null, programme, "input.id", "input.programme");
    }
    if (checks.exists("FundingStream", id)) {
      throw BadInput.error(input.id() != null ? "input.id" : "input.programme", "a funding stream with id '" + id + "' already exists");
    }
    var opens = Checks.date(input.opensOn(), "input.opensOn");
    var closes = Checks.date(input.closesOn(), "input.closesOn");
    Checks.dateOrder(opens, closes, "input.closesOn");
    checks.sectors(input.eligibleSectors(), "input.eligibleSectors");
    checks.areas(input.eligibleAreas(), "input.eligibleAreas");
    Map<String, Object> p = new HashMap<>();
    p.put("id", id);
    p.put("funder", funder);
    p.put("funderId", input.funderId());
    p.put("programme", programme);
    p.put("amount", Checks.nonNegative(input.amountGbp(), "input.amountGbp"));
    p.put("opens", opens);
    p.put("closes", closes);
    p.put("sectors", input.eligibleSectors() == null ? List.of() : input.eligibleSectors());
    p.put("areas", input.eligibleAreas() == null ? List.of() : input.eligibleAreas());
    p.put("user", user());
    Record r = graph.write("""
        CREATE (f:FundingStream {id: $id})
        SET f.funder = $funder, f.funderId = $funderId, f.programme = $programme, f.amountGbp = $amount,
            f.opensOn = $opens, f.closesOn = $closes, f.eligibleSectors = $sectors, f.eligibleAreas = $areas, %s
        WITH f
        CALL (f) { MATCH (funder:Organisation {id: $funderId}) MERGE (funder)-[r:FUNDS]->(f)
                   SET r.source = 'curated', r.asOf = date(), r.curatedBy = $user }
        RETURN %s AS f""".formatted(stamp("f"), FundingStreamView.PROJECTION), p, rows -> rows.getFirst());
    return new FundingStreamPayload(FundingStreamView.from(r.get("f")));
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  FundingStreamPayload updateFundingStream(@Argument UpdateFundingStreamInput input) {
    checks.mustExist("FundingStream", input.id(), "input.id");
    Map<String, Object> p = new HashMap<>();
    p.put("id", input.id());
    p.put("funder", input.funder() == null ? null : Checks.text(input.funder(), "input.funder"));
    p.put("programme", input.programme() == null ? null : Checks.text(input.programme(), "input.programme"));
    p.put("amount", Checks.nonNegative(input.amountGbp(), "input.amountGbp"));
    var opens = Checks.date(input.opensOn(), "input.opensOn");
    var closes = Checks.date(input.closesOn(), "input.closesOn");
    Record current = graph.read("MATCH (f:FundingStream {id: $id}) RETURN f.opensOn AS opens, f.closesOn AS closes",
        Map.of("id", input.id())).getFirst();
    Checks.dateOrder(opens != null ? opens : current.get("opens").isNull() ? null : current.get("opens").asLocalDate(),
        closes != null ? closes : current.get("closes").isNull() ? null : current.get("closes").asLocalDate(),
        closes != null ? "input.closesOn" : "input.opensOn");
    checks.sectors(input.eligibleSectors(), "input.eligibleSectors");
    checks.areas(input.eligibleAreas(), "input.eligibleAreas");
    p.put("opens", opens);
    p.put("closes", closes);
    p.put("sectors", input.eligibleSectors());
    p.put("areas", input.eligibleAreas());
    p.put("user", user());
    Record r = graph.write("""
        MATCH (f:FundingStream {id: $id})
        SET f.funder = coalesce($funder, f.funder), f.programme = coalesce($programme, f.programme),
            f.amountGbp = coalesce($amount, f.amountGbp), f.opensOn = coalesce($opens, f.opensOn),
            f.closesOn = coalesce($closes, f.closesOn), f.eligibleSectors = coalesce($sectors, f.eligibleSectors),
            f.eligibleAreas = coalesce($areas, f.eligibleAreas), %s
        RETURN %s AS f""".formatted(stamp("f"), FundingStreamView.PROJECTION), p, rows -> rows.getFirst());
    return new FundingStreamPayload(FundingStreamView.from(r.get("f")));
  }

  // --- Sector groupings ---

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  SectorGroupingPayload createSectorGrouping(@Argument CreateSectorGroupingInput input) {
    String name = Checks.text(input.name(), "input.name");
    String id = Checks.slug(input.id(), name, "input.id", "input.name");
    if (input.sectors() == null || input.sectors().isEmpty()) {
      throw BadInput.error("input.sectors", "name at least one SIC code");
    }
    checks.sectors(input.sectors(), "input.sectors");
    if (checks.exists("SectorGrouping", id)) {
      throw BadInput.error(input.id() != null ? "input.id" : "input.name", "a sector grouping with id '" + id + "' already exists");
    }
    Map<String, Object> p = new HashMap<>();
    p.put("id", id);
    p.put("name", name);
    p.put("description", Checks.optionalText(input.description(), "input.description"));
    p.put("sectors", input.sectors());
    p.put("user", user());
    graph.write("""
        CREATE (g:SectorGrouping {id: $id})
        SET g.name = $name, g.description = $description, %s
        WITH g
        CALL (g) { UNWIND $sectors AS code MATCH (s:Sector {code: code}) MERGE (g)-[:INCLUDES]->(s) }
        RETURN g.id AS id""".formatted(stamp("g")), p, rows -> rows);
    return new SectorGroupingPayload(new SectorGroupingView(id, name, (String) p.get("description")));
  }

  @MutationMapping
  @PreAuthorize("hasRole('EDITOR')")
  DeletePayload deleteSectorGrouping(@Argument String id) {
    Checks.text(id, "id");
    long n = graph.write("MATCH (g:SectorGrouping {id: $id}) DETACH DELETE g RETURN count(*) AS n", Map.of("id", id),
        rows -> rows.isEmpty() ? 0L : rows.getFirst().get("n").asLong());
    return new DeletePayload(id, n > 0);
  }

  private PartnershipView partnership(String id) {
    return graph.read("MATCH (p:Partnership {id: $id}) RETURN " + PartnershipView.PROJECTION + " AS p", Map.of("id", id))
        .stream().findFirst().map(r -> PartnershipView.from(r.get("p"))).orElseThrow();
  }
}
