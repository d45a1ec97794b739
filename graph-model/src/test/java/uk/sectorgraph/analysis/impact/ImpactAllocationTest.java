package uk.sectorgraph.analysis.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import uk.sectorgraph.analysis.area.Area;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.analysis.io.LocationQuotients;
import uk.sectorgraph.analysis.io.Regionalisation;
import uk.sectorgraph.analysis.area.CountMeasure;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.sample.SampleRegion;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.TestGraph;

/**
 * The allocation reads aggregates and a few firms; it must list exactly what sharing each industry's
 * change over every current company of the area would list. The oracle here does it that way (read
 * them all, weight, share, sort), and the aggregates are also rebuilt keeping only 2 firms per cell,
 * so that cells run out and are read in full.
 */
class ImpactAllocationTest {

  static GraphStore store;
  static GraphReads reads;

  @BeforeAll
  static void load() {
    store = TestGraph.store();
    ReferenceData.loadIfNeeded(store);
    SampleDataLoader.loadIfNeeded(store);
    reads = new GraphReads(store);
  }

  static String idOf(String name) {
    return reads.read("MATCH (o:Organisation {name: $name}) RETURN o.id AS id", Map.of("name", name)).getFirst()
        .get("id").asString();
  }

  List<ImpactRequest> requests() {
    String gas = idOf("Greatham Gas Supply Ltd (sample)");
    String chemicals = idOf("Seal Sands Chemicals Ltd (sample)");
    return List.of(
        ImpactRequest.of(SampleRegion.LEP, SampleRegion.CLEAN_INDUSTRY, new Scenario.FinalDemand("C20B", 10)),
        ImpactRequest.of(SampleRegion.LEP, SampleRegion.CLEAN_INDUSTRY, new Scenario.SupplyLink(gas, chemicals, 2)),
        ImpactRequest.of(SampleRegion.LEP, null, new Scenario.Localise("C19", "C20B", 0.5)),
        new ImpactRequest(SampleRegion.LEP, SampleRegion.CLEAN_INDUSTRY, new Scenario.FinalDemand("20", 10),
            Regionalisation.FLQ, LocationQuotients.DEFAULT_DELTA, CountMeasure.COMPANIES, null, 4, 4, 40),
        ImpactRequest.of(SampleRegion.DARLINGTON, "darlington-digital", new Scenario.FinalDemand("J62", 5)));
  }

  @Test
  void listsExactlyWhatSharingOverEveryCompanyWouldList() {
    SupplyChainImpact impact = new SupplyChainImpact(store);
    try {
      for (int top : new int[] {AreaSectorAggregates.TOP_FIRMS, 2}) {
        AreaSectorAggregates.refresh(store, top);
        for (ImpactRequest request : requests()) {
          ImpactResult result = impact.run(request);
          Oracle expected = oracle(result);
          String what = request.scenario() + " with " + top + " firms kept per cell";
          assertThat(result.toInvite()).as(what).extracting(OrganisationGain::id).containsExactlyElementsOf(expected.invite());
          assertThat(result.toInvite()).as(what).isNotEmpty();
          for (OrganisationGain g : result.toInvite()) {
            assertThat(g.gainGbpMillion()).as(what + " " + g.id()).isCloseTo(expected.gains().get(g.id()), within(1e-9));
          }
          for (OrganisationGain g : result.partners()) {
            assertThat(g.gainGbpMillion()).as(what + " member " + g.id())
                .isCloseTo(expected.gains().getOrDefault(g.id(), 0.0), within(1e-9));
          }
          assertThat(result.totals().allocated()).as(what).isCloseTo(expected.allocated(), within(1e-9));
        }
      }
    } finally {
      AreaSectorAggregates.refresh(store);
    }
  }

  record Oracle(List<String> invite, Map<String, Double> gains, double allocated) {}

  /** Every current company of the area, weighted and shared, as the method in docs/methods.md says. */
  static Oracle oracle(ImpactResult result) {
    ImpactRequest request = result.request();
    Area area = result.area();
    Map<String, Double> shares = area.shares();
    Map<String, Double> regional = new HashMap<>();
    result.industries().forEach(i -> regional.put(i.code(), i.regionalOutputChange()));
    String direct = null;
    double directGbp = 0;
    if (request.scenario() instanceof Scenario.SupplyLink link && result.shock().getFirst().regional()) {
      direct = link.supplierId();
      directGbp = link.gbpMillion();
    }
    List<Record> firms = reads.read("""
        MATCH (a:LocalAuthority)<-[:LOCATED_IN]-(o:Organisation {kind: 'COMPANY'})
              -[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(i:Industry)
        WHERE a.code IN $las AND o.dissolvedOn IS NULL
        RETURN o.id AS id, a.code AS la, i.code AS industry, o.employees AS employees
        """, Map.of("las", area.localAuthorityCodes()));
    Map<String, Double> weight = new HashMap<>();
    Map<String, Double> industryWeight = new HashMap<>();
    String directIndustry = null;
    for (Record f : firms) {
      double w = (f.get("employees").isNull() ? 1.0 : f.get("employees").asNumber().doubleValue())
          * shares.getOrDefault(f.get("la").asString(), 1.0);
      weight.put(f.get("id").asString(), w);
      if (regional.getOrDefault(f.get("industry").asString(), 0.0) != 0) {
        industryWeight.merge(f.get("industry").asString(), w, Double::sum);
      }
      if (f.get("id").asString().equals(direct)) {
        directIndustry = f.get("industry").asString();
      }
    }
    Set<String> members = new HashSet<>();
    if (request.partnershipId() != null) {
      reads.read("MATCH (o:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id}) RETURN o.id AS id",
          Map.of("id", request.partnershipId())).forEach(r -> members.add(r.get("id").asString()));
    }
    Map<String, Double> gains = new HashMap<>();
    double allocated = 0;
    for (Record f : firms) {
      String id = f.get("id").asString();
      String industry = f.get("industry").asString();
      if (!industryWeight.containsKey(industry)) {
        continue;
      }
      double spread = regional.get(industry) - (industry.equals(directIndustry) ? directGbp : 0);
      double gain = weight.get(id) / industryWeight.get(industry) * spread + (id.equals(direct) ? directGbp : 0);
      gains.put(id, gain);
      allocated += gain;
    }
    List<String> invite = new ArrayList<>(gains.keySet().stream().filter(id -> !members.contains(id) && gains.get(id) > 0)
        .sorted(Comparator.comparingDouble((String id) -> gains.get(id)).reversed().thenComparing(id -> id))
        .limit(request.inviteLimit()).toList());
    return new Oracle(invite, gains, allocated);
  }
}
