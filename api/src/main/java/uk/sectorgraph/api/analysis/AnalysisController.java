package uk.sectorgraph.api.analysis;

import graphql.GraphqlErrorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.analysis.area.Area;
import uk.sectorgraph.analysis.area.CountMeasure;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.analysis.area.NationalTable;
import uk.sectorgraph.analysis.connection.ConnectionResult;
import uk.sectorgraph.analysis.connection.Connections;
import uk.sectorgraph.analysis.gaps.GapReport;
import uk.sectorgraph.analysis.gaps.GapThresholds;
import uk.sectorgraph.analysis.gaps.PartnershipGaps;
import uk.sectorgraph.analysis.impact.ImpactRequest;
import uk.sectorgraph.analysis.impact.ImpactResult;
import uk.sectorgraph.analysis.impact.OrganisationGain;
import uk.sectorgraph.analysis.impact.Scenario;
import uk.sectorgraph.analysis.impact.SupplyChainImpact;
import uk.sectorgraph.analysis.io.Regionalisation;
import uk.sectorgraph.analysis.profile.SectorProfile;
import uk.sectorgraph.api.organisation.OrganisationView;
import uk.sectorgraph.store.GraphStore;

/** The analyses of graph-model, over GraphQL; bad arguments come back as GraphQL errors naming the argument. */
@Controller
class AnalysisController {

  private final GraphStore store;
  private final GraphReads reads;
  private final uk.sectorgraph.api.store.GraphReads apiReads;

  AnalysisController(GraphStore store, uk.sectorgraph.api.store.GraphReads apiReads) {
    this.store = store;
    this.reads = new GraphReads(store);
    this.apiReads = apiReads;
  }

  record IndustryView(String code, String name, int year, double outputMultiplier, double outputGbpMillion) {}

  record IndustryFlow(IndustryView industry, double coefficient, double flowGbpMillion) {}

  record ImpactInput(String area, String partnershipId, ScenarioInput scenario, String regionalisation, Double delta,
      String measure, Integer year) {}

  record ScenarioInput(String kind, String industry, Double amountGbpMillion, String supplierIndustry,
      String buyerIndustry, Double share, String supplierId, String customerId) {}

  record GapThresholdsInput(Double minLocationQuotient, Integer minCompanies, Integer supplyTierTopN,
      Double supplyTierMaxLocationQuotient, Integer anchorTopN, Double uncoveredPlaceMinShare) {}

  record GainView(String organisationId, double gainGbpMillion, double directGbpMillion, double share, double weight,
      String industryCode, String localAuthority, boolean member, String why, List<String> industryPath,
      List<String> firmChain) {}

  @QueryMapping
  List<IndustryView> industries(@Argument Integer year) {
    NationalTable table = table(year);
    List<IndustryView> list = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      list.add(view(table, i));
    }
    return list;
  }

  @QueryMapping
  IndustryView industry(@Argument String code, @Argument Integer year) {
    NationalTable table = table(year);
    int i = table.indexOf(code);
    return i < 0 ? null : view(table, i);
  }

  @SchemaMapping(typeName = "Industry")
  List<IndustryFlow> suppliers(IndustryView industry, @Argument Integer first) {
    return flows(industry, first, true);
  }

  @SchemaMapping(typeName = "Industry")
  List<IndustryFlow> customers(IndustryView industry, @Argument Integer first) {
    return flows(industry, first, false);
  }

  private List<IndustryFlow> flows(IndustryView industry, Integer first, boolean suppliers) {
    NationalTable table = table(industry.year());
    int me = table.indexOf(industry.code());
    List<IndustryFlow> flows = new ArrayList<>();
    for (int other = 0; other < table.size(); other++) {
      double a = suppliers ? table.coefficient(other, me) : table.coefficient(me, other);
      if (a > 0) {
        double buyerOutput = table.output(suppliers ? me : other);
        flows.add(new IndustryFlow(view(table, other), a, a * buyerOutput));
      }
    }
    flows.sort((x, y) -> Double.compare(y.coefficient(), x.coefficient()));
    return flows.subList(0, Math.min(flows.size(), first == null ? 10 : Math.max(0, Math.min(first, 105))));
  }

  @QueryMapping
  Map<String, Object> supplyChainImpact(@Argument ImpactInput input) {
    Scenario scenario = scenario(input.scenario());
    ImpactRequest defaults = ImpactRequest.of(input.area(), input.partnershipId(), scenario);
    ImpactRequest request = new ImpactRequest(input.area(), input.partnershipId(), scenario,
        input.regionalisation() == null ? Regionalisation.FLQ : Regionalisation.valueOf(input.regionalisation()),
        input.delta() == null ? defaults.delta() : input.delta(),
        input.measure() == null ? CountMeasure.COMPANIES : CountMeasure.valueOf(input.measure()),
        input.year(), defaults.maxPathEdges(), defaults.maxFirmHops(), defaults.inviteLimit());
    ImpactResult result = guard("input", () -> new SupplyChainImpact(store).run(request));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("areaName", result.area().name());
    out.put("partners", result.partners().stream().map(AnalysisController::gain).toList());
    out.put("nonMembers", result.toInvite().stream().map(AnalysisController::gain).toList());
    out.put("industries", result.industries().stream().map(i -> Map.of("code", i.code(), "name", i.name(),
        "finalDemandChange", i.finalDemandChange(), "regionalOutputChange", i.regionalOutputChange(),
        "nationalOutputChange", i.nationalOutputChange(), "locationQuotient", i.slq(), "leakage", i.leakage())).toList());
    out.put("totalRegionalGbpMillion", result.totals().regionalOutputChange());
    out.put("totalNationalGbpMillion", result.totals().nationalOutputChange());
    out.put("leakageOutsideAreaGbpMillion", result.totals().leakageOutsideArea());
    out.put("totalInsideGbpMillion", result.totals().insidePartnership());
    out.put("totalOutsideGbpMillion", result.totals().outsidePartnership());
    out.put("inputs", result.inputs());
    out.put("shock", result.shock());
    return out;
  }

  @BatchMapping(typeName = "OrganisationGain", field = "organisation")
  Map<GainView, OrganisationView> gainOrganisation(List<GainView> gains) {
    Map<String, OrganisationView> byId = new HashMap<>();
    for (Record r : apiReads.read("UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN " + OrganisationView.PROJECTION + " AS o",
        Map.of("ids", gains.stream().map(GainView::organisationId).distinct().toList()))) {
      OrganisationView o = OrganisationView.from(r.get("o"));
      byId.put(o.id(), o);
    }
    Map<GainView, OrganisationView> result = new LinkedHashMap<>();
    gains.forEach(g -> result.put(g, byId.get(g.organisationId())));
    return result;
  }

  @QueryMapping
  Map<String, Object> partnershipGaps(@Argument String partnershipId, @Argument GapThresholdsInput thresholds) {
    GapThresholds t = thresholds(thresholds);
    GapReport report = guard("partnershipId", () -> new PartnershipGaps(store).report(partnershipId, t));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("partnershipId", report.partnershipId());
    out.put("partnershipName", report.partnershipName());
    out.put("areaName", report.area().name());
    out.put("focusSectors", report.focusSectors());
    out.put("focusIndustries", report.focusIndustries());
    out.put("thresholds", report.thresholds());
    out.put("gaps", report.gaps());
    return out;
  }

  @QueryMapping
  Map<String, Object> sectorProfile(@Argument String area) {
    SectorProfile profile = guard("area", () -> SectorProfile.of(store, Area.resolve(reads, area)));
    return Map.of("areaName", profile.area().name(), "areaCompanies", profile.areaCompanies(),
        "nationCompanies", profile.nationCompanies(),
        "industries", profile.industries().stream().map(AnalysisController::row).toList(),
        "sections", profile.sections().stream().map(AnalysisController::row).toList());
  }

  @QueryMapping
  Map<String, Object> connection(@Argument String from, @Argument String to, @Argument Integer maxHops) {
    int hops = maxHops == null ? 4 : maxHops;
    if (hops < 1 || hops > 6) {
      throw GraphqlErrorException.newErrorException().message("maxHops must be between 1 and 6, was " + hops).build();
    }
    ConnectionResult result = guard("from", () -> new Connections(store).between(from, to, hops));
    return Map.of("fromId", result.fromId(), "toId", result.toId(), "paths", result.paths().stream().map(p -> Map.of(
        "nodes", p.nodes().stream().map(n -> {
          Map<String, Object> node = new HashMap<>();
          node.put("id", n.id());
          node.put("type", n.label());
          node.put("name", n.name());
          return node;
        }).toList(),
        "relationships", p.steps().stream().map(s -> s.type()).toList(),
        "length", p.length())).toList());
  }

  private static Map<String, Object> row(uk.sectorgraph.analysis.profile.SectorProfileRow r) {
    return Map.of("code", r.code(), "name", r.name(), "companies", r.areaCompanies(), "nationCompanies", r.nationCompanies(),
        "locationQuotient", r.locationQuotient(), "incorporations", r.incorporations().stream()
            .map(y -> Map.of("year", y.year(), "area", y.area(), "nation", (double) y.nation())).toList());
  }

  private static GainView gain(OrganisationGain g) {
    List<String> path = g.industryPath() == null ? List.of() : g.industryPath().industries();
    List<String> firms = g.firmChain() == null ? List.of() : g.firmChain().stream().map(f -> f.name()).toList();
    StringBuilder why = new StringBuilder();
    if (g.industryPath() != null && g.industryPath().display() != null) {
      why.append("Industry supply path ").append(g.industryPath().display());
    }
    if (!firms.isEmpty()) {
      why.append(why.isEmpty() ? "" : "; ").append("firm chain ").append(String.join(" → ", firms));
    }
    if (why.isEmpty()) {
      why.append("Direct effect in its own industry");
    }
    return new GainView(g.id(), g.gainGbpMillion(), g.directGbpMillion(), g.industryShare(), g.weight(),
        g.industryCode(), g.localAuthority(), g.member(), why.toString(), path, firms);
  }

  private static Scenario scenario(ScenarioInput s) {
    return switch (s.kind()) {
      case "FINAL_DEMAND" -> new Scenario.FinalDemand(required(s.industry(), "input.scenario.industry"),
          requiredNumber(s.amountGbpMillion(), "input.scenario.amountGbpMillion"));
      case "LOCALISE" -> new Scenario.Localise(required(s.supplierIndustry(), "input.scenario.supplierIndustry"),
          required(s.buyerIndustry(), "input.scenario.buyerIndustry"), requiredNumber(s.share(), "input.scenario.share"));
      case "SUPPLY_LINK" -> new Scenario.SupplyLink(required(s.supplierId(), "input.scenario.supplierId"),
          required(s.customerId(), "input.scenario.customerId"),
          requiredNumber(s.amountGbpMillion(), "input.scenario.amountGbpMillion"));
      default -> throw GraphqlErrorException.newErrorException().message("input.scenario.kind: unknown " + s.kind()).build();
    };
  }

  private static GapThresholds thresholds(GapThresholdsInput in) {
    GapThresholds d = GapThresholds.defaults();
    if (in == null) {
      return d;
    }
    return new GapThresholds(
        in.minLocationQuotient() == null ? d.minLocationQuotient() : in.minLocationQuotient(),
        in.minCompanies() == null ? d.minCompanies() : in.minCompanies(),
        in.supplyTierTopN() == null ? d.supplyTierTopN() : in.supplyTierTopN(),
        in.supplyTierMaxLocationQuotient() == null ? d.supplyTierMaxLocationQuotient() : in.supplyTierMaxLocationQuotient(),
        in.anchorTopN() == null ? d.anchorTopN() : in.anchorTopN(),
        d.anchorMinEmploymentShare(), d.maxOfficerAppointments(),
        in.uncoveredPlaceMinShare() == null ? d.uncoveredPlaceMinShare() : in.uncoveredPlaceMinShare(),
        d.maxBetweennessVertices());
  }

  private static String required(String value, String path) {
    if (value == null || value.isBlank()) {
      throw GraphqlErrorException.newErrorException().message(path + " is required for this scenario kind").build();
    }
    return value;
  }

  private static double requiredNumber(Double value, String path) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      throw GraphqlErrorException.newErrorException().message(path + " is required and must be a finite number").build();
    }
    return value;
  }

  /** The analyses signal bad input with IllegalArgumentException; it becomes a GraphQL error naming the argument. */
  private static <T> T guard(String argument, java.util.function.Supplier<T> analysis) {
    try {
      return analysis.get();
    } catch (IllegalArgumentException e) {
      throw GraphqlErrorException.newErrorException().message(argument + ": " + e.getMessage()).build();
    }
  }

  private NationalTable table(Integer year) {
    return guard("year", () -> NationalTable.load(reads, year));
  }

  private static IndustryView view(NationalTable table, int i) {
    return new IndustryView(table.industryCodes().get(i), table.industryNames().get(i), table.year(),
        table.leontief().outputMultiplier(i), table.output(i));
  }
}
