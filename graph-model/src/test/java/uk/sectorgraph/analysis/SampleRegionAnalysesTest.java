package uk.sectorgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sectorgraph.analysis.area.Area;
import uk.sectorgraph.analysis.area.AreaKind;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.analysis.connection.ConnectionResult;
import uk.sectorgraph.analysis.connection.Connections;
import uk.sectorgraph.analysis.gaps.GapKind;
import uk.sectorgraph.analysis.gaps.GapReport;
import uk.sectorgraph.analysis.gaps.GapThresholds;
import uk.sectorgraph.analysis.gaps.PartnershipGap;
import uk.sectorgraph.analysis.gaps.PartnershipGaps;
import uk.sectorgraph.analysis.impact.ImpactRequest;
import uk.sectorgraph.analysis.impact.ImpactResult;
import uk.sectorgraph.analysis.impact.OrganisationGain;
import uk.sectorgraph.analysis.impact.Scenario;
import uk.sectorgraph.analysis.impact.SupplyChainImpact;
import uk.sectorgraph.analysis.profile.SectorProfile;
import uk.sectorgraph.analysis.profile.SectorProfileRow;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.sample.SampleRegion;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.TestGraph;

/** The analyses against the planted findings of the Tees Valley sample (see PlantedOrganisations). */
class SampleRegionAnalysesTest {

  static GraphStore store;
  static Map<String, String> ids;

  @BeforeAll
  static void load() {
    store = TestGraph.store();
    ReferenceData.loadIfNeeded(store);
    SampleDataLoader.loadIfNeeded(store);
    ids = new GraphReads(store).read("MATCH (o:Organisation) WHERE o.name ENDS WITH '(sample)' AND NOT o.name STARTS WITH 'Background' "
        + "RETURN o.name AS name, o.id AS id", Map.of()).stream()
        .collect(Collectors.toMap(r -> r.get("name").asString(), r -> r.get("id").asString(), (a, b) -> a));
  }

  static String id(String nameStart) {
    // Exact planted names: generated firms reuse the same place words ("Seal Sands Chemicals K12 Ltd").
    return java.util.stream.Stream.of(" Ltd (sample)", " plc (sample)", " (sample)").map(s -> ids.get(nameStart + s))
        .filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no sample organisation " + nameStart));
  }

  @Test
  void areasResolveLepsDistrictsAndLists() {
    GraphReads reads = new GraphReads(store);
    Area lep = Area.resolve(reads, SampleRegion.LEP);
    assertThat(lep.kind()).isEqualTo(AreaKind.LEP);
    assertThat(lep.localAuthorityCodes()).hasSize(5).contains(SampleRegion.HARTLEPOOL);
    assertThat(Area.resolve(reads, SampleRegion.DARLINGTON).kind()).isEqualTo(AreaKind.LOCAL_AUTHORITY);
    Area list = Area.resolve(reads, SampleRegion.HARTLEPOOL + ", " + SampleRegion.STOCKTON);
    assertThat(list.kind()).isEqualTo(AreaKind.LOCAL_AUTHORITY_LIST);
    assertThat(list.shares()).containsEntry(SampleRegion.STOCKTON, 1.0);
  }

  @Test
  void petrochemicalDemandRewardsChemicalMembersAlongTheSupplyPaths() {
    ImpactResult result = new SupplyChainImpact(store).run(ImpactRequest.of(SampleRegion.LEP, SampleRegion.CLEAN_INDUSTRY,
        new Scenario.FinalDemand("C20B", 10)));
    Map<String, OrganisationGain> partners = result.partners().stream()
        .collect(Collectors.toMap(OrganisationGain::id, Function.identity()));
    assertThat(partners).hasSize(14);
    double sealSands = partners.get(id("Seal Sands Chemicals")).gainGbpMillion();
    double polymers = partners.get(id("Portrack Polymers")).gainGbpMillion();
    double hydrogen = partners.get(id("Wilton Hydrogen")).gainGbpMillion();
    double fertilisers = partners.get(id("Billingham Fertilisers")).gainGbpMillion();
    double council = partners.get(id("Middlesbrough Council")).gainGbpMillion();
    // C20B firms take the direct demand; C20A firms gain only because C20B buys from C20A; public bodies
    // have no industry to gain through.
    assertThat(Math.min(sealSands, polymers)).isGreaterThan(Math.max(hydrogen, fertilisers));
    assertThat(Math.min(hydrogen, fertilisers)).isGreaterThan(council);
    assertThat(council).isZero();
    assertThat(sealSands).isGreaterThan(polymers); // same industry, 650 employees against 180
    assertThat(partners.get(id("Wilton Hydrogen")).industryPath().industries()).startsWith("C20B").endsWith("C20A");
    assertThat(partners.get(id("Seal Sands Chemicals")).industryPath().display()).isEqualTo("C20B");
    assertThat(result.partners().getFirst().id()).isEqualTo(id("Seal Sands Chemicals"));
    // Hydrogen supplies Seal Sands (a C20B firm): the firm chain shows it.
    assertThat(partners.get(id("Wilton Hydrogen")).firmChain()).extracting(s -> s.id())
        .startsWith(id("Wilton Hydrogen")).hasSizeGreaterThan(1);

    var totals = result.totals();
    assertThat(totals.insidePartnership() + totals.outsidePartnership()).isCloseTo(totals.allocated(), within(1e-9));
    assertThat(totals.allocated() + totals.unallocated()).isCloseTo(totals.regionalOutputChange(), within(1e-6));
    assertThat(totals.regionalOutputChange()).isGreaterThan(10).isLessThan(totals.nationalOutputChange());
    assertThat(totals.leakageOutsideArea()).isPositive();
    assertThat(result.toInvite()).isNotEmpty().allSatisfy(g -> assertThat(g.member()).isFalse());

    // Traceable: every input is present.
    var in = result.inputs();
    assertThat(in.delta()).isEqualTo(0.3);
    assertThat(in.lambda()).isBetween(0.0, 1.0);
    assertThat(in.regionCounts()).hasSize(in.industryCodes().size());
    assertThat(in.slq().get(in.industryCodes().indexOf("C20B"))).isGreaterThan(1.25);
    assertThat(in.coefficients()).anySatisfy(c -> {
      assertThat(c.supplier()).isEqualTo("C20A");
      assertThat(c.buyer()).isEqualTo("C20B");
      assertThat(c.regional()).isCloseTo(c.national() * c.adjustment(), within(1e-12));
    });
    assertThat(result.shock()).singleElement().satisfies(s -> assertThat(s.gbpMillion()).isEqualTo(10));
  }

  @Test
  void aSicDivisionIsSplitAndTheOtherScenariosRun() {
    SupplyChainImpact impact = new SupplyChainImpact(store);
    ImpactResult division = impact.run(ImpactRequest.of(SampleRegion.LEP, SampleRegion.CLEAN_INDUSTRY,
        new Scenario.FinalDemand("20", 10)));
    assertThat(division.shock()).extracting(s -> s.industryCode()).contains("C20A", "C20B");
    assertThat(division.shock().stream().mapToDouble(s -> s.gbpMillion()).sum()).isCloseTo(10, within(1e-9));

    ImpactResult link = impact.run(ImpactRequest.of(SampleRegion.LEP, SampleRegion.CLEAN_INDUSTRY,
        new Scenario.SupplyLink(id("Greatham Gas Supply"), id("Seal Sands Chemicals"), 2)));
    assertThat(link.toInvite()).extracting(OrganisationGain::id).contains(id("Greatham Gas Supply"));
    OrganisationGain gas = link.toInvite().stream().filter(g -> g.id().equals(id("Greatham Gas Supply"))).findFirst().orElseThrow();
    assertThat(gas.directGbpMillion()).isEqualTo(2);
    assertThat(link.totals().insidePartnership() + link.totals().outsidePartnership())
        .isCloseTo(link.totals().allocated(), within(1e-9));

    ImpactResult localise = impact.run(ImpactRequest.of(SampleRegion.LEP, null, new Scenario.Localise("C19", "C20B", 0.5)));
    assertThat(localise.shock().getFirst().gbpMillion()).isPositive();
    assertThat(localise.inputs().coefficients()).anySatisfy(c -> assertThat(c.supplier() + c.buyer()).isEqualTo("C19C20B"));
  }

  static List<PartnershipGap> gaps(String partnership, GapKind kind) {
    return new PartnershipGaps(store).find(partnership, GapThresholds.defaults()).stream()
        .filter(g -> g.kind() == kind).toList();
  }

  @Test
  void gapsAreFoundWhereTheSamplePlantsThem() {
    GapReport clean = new PartnershipGaps(store).report(SampleRegion.CLEAN_INDUSTRY, GapThresholds.defaults());
    assertThat(clean.thresholds()).isEqualTo(GapThresholds.defaults());
    assertThat(clean.gaps()).isSortedAccordingTo((a, b) -> Double.compare(b.severity(), a.severity()));
    assertThat(clean.gaps()).allSatisfy(g -> {
      assertThat(g.severity()).isBetween(0.0, 1.0);
      assertThat(g.sentence()).endsWith(".");
    });
    Function<GapKind, List<PartnershipGap>> of = k -> clean.gaps().stream().filter(g -> g.kind() == k).toList();

    assertThat(of.apply(GapKind.UNCOVERED_PLACE)).flatExtracting(PartnershipGap::nodeIds)
        .contains(SampleRegion.HARTLEPOOL).doesNotContain(SampleRegion.STOCKTON, SampleRegion.MIDDLESBROUGH, SampleRegion.REDCAR);
    assertThat(of.apply(GapKind.SINGLE_BROKER)).flatExtracting(PartnershipGap::nodeIds)
        .containsExactly(id("Tees Process Industry Network"));
    assertThat(of.apply(GapKind.MISSING_KIND)).isEmpty();
    assertThat(of.apply(GapKind.ANCHOR_OUTSIDE)).flatExtracting(PartnershipGap::nodeIds)
        .contains(id("Teesside Steel and Engineering Group"))
        .doesNotContain(id("Seal Sands Chemicals"), id("Tees Process Industry Network"));
    assertThat(of.apply(GapKind.ANCHOR_OUTSIDE).getFirst().nodeIds()).containsExactly(id("Teesside Steel and Engineering Group"));
    assertThat(of.apply(GapKind.UNCLAIMED_FUNDING)).flatExtracting(PartnershipGap::nodeIds)
        .contains("GB-SAMPLE-NIA/hydrogen-supply-chain")
        .doesNotContain("GB-SAMPLE-TVCA/net-zero-industry-fund", "GB-SAMPLE-ESIF/ERDF/E37000034");
    // Logistics is over-represented in the area and has no member; chemicals has members.
    assertThat(of.apply(GapKind.UNREPRESENTED_SECTOR)).flatExtracting(PartnershipGap::nodeIds)
        .contains("H52").doesNotContain("C20A", "C20B");
    assertThat(of.apply(GapKind.UNREPRESENTED_SECTOR)).allSatisfy(g ->
        assertThat((double) g.figures().get("locationQuotient")).isGreaterThanOrEqualTo(1.25));
    assertThat(of.apply(GapKind.MISSING_SUPPLY_TIER)).isNotEmpty().flatExtracting(PartnershipGap::nodeIds)
        .doesNotContainAnyElementsOf(clean.focusIndustries());

    List<PartnershipGap> digitalKinds = gaps(SampleRegion.DIGITAL, GapKind.MISSING_KIND);
    assertThat(digitalKinds).extracting(g -> g.figures().get("missing"))
        .containsExactlyInAnyOrder("UNIVERSITY_OR_COLLEGE", "TRADE_BODY");
    assertThat(gaps(SampleRegion.DIGITAL, GapKind.UNCLAIMED_FUNDING)).flatExtracting(PartnershipGap::nodeIds)
        .doesNotContain("GB-SAMPLE-NIA/hydrogen-supply-chain", "GB-LAE-SAMPLE-DAL/digital-growth-grants");
  }

  @Test
  void sectorProfileComparesTheAreaWithTheNation() {
    SectorProfile profile = SectorProfile.of(store, Area.resolve(new GraphReads(store), SampleRegion.LEP));
    SectorProfileRow c20b = profile.industries().stream().filter(r -> r.code().equals("C20B")).findFirst().orElseThrow();
    assertThat(c20b.locationQuotient()).isGreaterThan(1.25);
    assertThat(c20b.incorporations()).isNotEmpty();
    assertThat(c20b.incorporations().stream().mapToDouble(y -> y.area()).sum()).isLessThanOrEqualTo(
        c20b.incorporations().stream().mapToDouble(y -> y.nation()).sum());
    SectorProfileRow manufacturing = profile.sections().stream().filter(r -> r.code().equals("C")).findFirst().orElseThrow();
    assertThat(manufacturing.locationQuotient()).isGreaterThan(1);
    assertThat(profile.sections().stream().mapToDouble(SectorProfileRow::areaCompanies).sum())
        .isCloseTo(profile.areaCompanies(), within(1e-6));
  }

  @Test
  void profileIncorporationsFromTheAggregatesEqualCountingTheCompanies() {
    uk.sectorgraph.model.geography.AreaSectorAggregates.refresh(store); // other tests may have added companies
    Area area = Area.resolve(new GraphReads(store), SampleRegion.LEP);
    SectorProfileRow manufacturing = SectorProfile.of(store, area).sections().stream()
        .filter(r -> r.code().equals("C")).findFirst().orElseThrow();
    String counted = """
        MATCH (la:LocalAuthority)<-[:LOCATED_IN]-(o:Organisation {kind: 'COMPANY'})-[:OPERATES_IN {primary: true}]->
              (:Sector {level: 'SUBCLASS'})-[:PART_OF*1..4]->(:Sector {code: 'C'})
        WHERE o.incorporatedOn IS NOT NULL AND ($las IS NULL OR la.code IN $las)
        RETURN o.incorporatedOn.year AS year, count(o) AS n""";
    Map<Integer, Long> nation = new java.util.TreeMap<>();
    Map<Integer, Long> inArea = new java.util.TreeMap<>();
    java.util.HashMap<String, Object> all = new java.util.HashMap<>();
    all.put("las", null);
    new GraphReads(store).read(counted, all).forEach(r -> nation.put(r.get("year").asInt(), r.get("n").asLong()));
    new GraphReads(store).read(counted, Map.of("las", area.localAuthorityCodes()))
        .forEach(r -> inArea.put(r.get("year").asInt(), r.get("n").asLong()));

    Map<Integer, Long> profileNation = new java.util.TreeMap<>();
    Map<Integer, Long> profileArea = new java.util.TreeMap<>();
    manufacturing.incorporations().forEach(y -> {
      profileNation.put(y.year(), y.nation());
      if (y.area() > 0) {
        profileArea.put(y.year(), Math.round(y.area())); // Tees Valley's districts are wholly inside it: shares of 1
      }
    });
    assertThat(nation).isNotEmpty();
    assertThat(profileNation).isEqualTo(nation);
    assertThat(profileArea).isEqualTo(inArea);
  }

  @Test
  void connectionBetweenTwoFirmsFollowsTheSupplyChain() {
    ConnectionResult result = new Connections(store).between(id("Greatham Gas Supply"), id("Portrack Polymers"), 4);
    assertThat(result.paths()).isNotEmpty();
    assertThat(result.paths()).allSatisfy(p -> assertThat(p.length()).isEqualTo(2));
    assertThat(result.paths()).anySatisfy(p -> {
      assertThat(p.nodes()).extracting(n -> n.id())
          .containsExactly(id("Greatham Gas Supply"), id("Seal Sands Chemicals"), id("Portrack Polymers"));
      assertThat(p.steps()).allSatisfy(s -> {
        assertThat(s.type()).isEqualTo("SUPPLIES");
        assertThat(s.forward()).isTrue();
      });
    });
    assertThat(new Connections(store).between(id("Greatham Gas Supply"), id("Skerne Software"), 1).paths()).isEmpty();
  }
}
