package uk.sectorgraph.analysis.gaps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import uk.sectorgraph.analysis.area.Area;
import uk.sectorgraph.analysis.area.AreaIndustryCounts;
import uk.sectorgraph.analysis.area.CountMeasure;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.analysis.area.NationalTable;
import uk.sectorgraph.store.GraphStore;

/** Finds what a partnership is missing, against its own area, sectors and network. */
public final class PartnershipGaps {

  private final GraphReads reads;

  public PartnershipGaps(GraphStore store) {
    this.reads = new GraphReads(store);
  }

  /** The gaps of a partnership, most severe first. */
  public List<PartnershipGap> find(String partnershipId, GapThresholds thresholds) {
    return report(partnershipId, thresholds).gaps();
  }

  /** The gaps with the area, focus industries and thresholds they were measured against. */
  public GapReport report(String partnershipId, GapThresholds thresholds) {
    List<Record> rows = reads.read("""
        MATCH (p:Partnership {id: $id})
        RETURN p.name AS name, p.areaCode AS areaCode, coalesce(p.focusSectors, []) AS focus
        """, Map.of("id", partnershipId));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("unknown partnership " + partnershipId);
    }
    Record p = rows.getFirst();
    Context c = new Context(partnershipId, p.get("name").asString(), thresholds);
    c.area = Area.resolve(reads, p.get("areaCode").asString());
    c.focus = p.get("focus").asList(Value::asString);
    c.focusSubclasses = new HashSet<>(reads.read("""
        MATCH (root:Sector)<-[:PART_OF*0..4]-(s:Sector {level: 'SUBCLASS'}) WHERE root.code IN $codes
        RETURN DISTINCT s.code AS code
        """, Map.of("codes", c.focus)).stream().map(r -> r.get("code").asString()).toList());
    c.focusIndustries = new LinkedHashSet<>(reads.read("""
        MATCH (s:Sector)-[:MAPS_TO]->(i:Industry) WHERE s.code IN $codes RETURN DISTINCT i.code AS code ORDER BY code
        """, Map.of("codes", List.copyOf(c.focusSubclasses))).stream().map(r -> r.get("code").asString()).toList());
    c.table = NationalTable.load(reads, null);
    c.counts = AreaIndustryCounts.of(reads, c.area, c.table.industryCodes(), CountMeasure.COMPANIES);
    c.members = reads.read("""
        MATCH (o:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id})
        OPTIONAL MATCH (o)-[:LOCATED_IN]->(a:LocalAuthority)
        RETURN o.id AS id, o.name AS name, o.kind AS kind, a.code AS la,
               COLLECT { MATCH (o)-[:OPERATES_IN]->(:Sector)-[:MAPS_TO]->(i:Industry) RETURN DISTINCT i.code } AS industries
        ORDER BY id
        """, Map.of("id", partnershipId));
    c.memberIds = new HashSet<>(c.members.stream().map(r -> r.get("id").asString()).toList());

    List<PartnershipGap> gaps = new ArrayList<>();
    unrepresentedSectors(c, gaps);
    missingSupplyTiers(c, gaps);
    anchorsOutside(c, gaps);
    unclaimedFunding(c, gaps);
    uncoveredPlaces(c, gaps);
    missingKinds(c, gaps);
    singleBrokers(c, gaps);
    gaps.sort(Comparator.comparingDouble(PartnershipGap::severity).reversed()
        .thenComparing(PartnershipGap::kind).thenComparing(PartnershipGap::sentence));
    return new GapReport(partnershipId, c.name, c.area, c.focus, List.copyOf(c.focusIndustries), c.table.year(),
        thresholds, gaps);
  }

  /** What every check needs, read once. */
  private static final class Context {
    final String id;
    final String name;
    final GapThresholds t;
    Area area;
    List<String> focus;
    Set<String> focusSubclasses;
    Set<String> focusIndustries;
    NationalTable table;
    AreaIndustryCounts counts;
    List<Record> members;
    Set<String> memberIds;

    Context(String id, String name, GapThresholds t) {
      this.id = id;
      this.name = name;
      this.t = t;
    }

    Set<String> memberIndustries() {
      Set<String> industries = new HashSet<>();
      members.forEach(m -> industries.addAll(m.get("industries").asList(Value::asString)));
      return industries;
    }
  }

  // UNREPRESENTED_SECTOR works on IOAT industries, not SIC divisions: they are what the LQs and the
  // rest of the analyses use, and divisions such as 20 split into industries with different roles.
  private void unrepresentedSectors(Context c, List<PartnershipGap> gaps) {
    double[] slq = c.counts.locationQuotients(0.3).simpleLocationQuotients();
    double[] region = c.counts.region();
    double[] nation = c.counts.nation();
    Set<String> covered = c.memberIndustries();
    for (int i = 0; i < slq.length; i++) {
      String code = c.table.industryCodes().get(i);
      if (slq[i] >= c.t.minLocationQuotient() && region[i] >= c.t.minCompanies() && !covered.contains(code)) {
        String name = c.table.industryNames().get(i);
        gaps.add(new PartnershipGap(GapKind.UNREPRESENTED_SECTOR, 1 - 1 / slq[i], String.format(
            "%s has %.0f companies in %s (%s), %.1f times the national share, but no member of %s works in it.",
            c.area.name(), region[i], name, code, slq[i], c.name), figures(
            "industry", code, "industryName", name, "areaCompanies", region[i], "nationCompanies", nation[i],
            "locationQuotient", slq[i], "minLocationQuotient", c.t.minLocationQuotient(),
            "minCompanies", c.t.minCompanies()), List.of(code)));
      }
    }
  }

  private void missingSupplyTiers(Context c, List<PartnershipGap> gaps) {
    List<String> codes = c.table.industryCodes();
    double[] region = c.counts.region();
    double[] slq = c.counts.locationQuotients(0.3).simpleLocationQuotients();
    // Weight each focus industry by the area's companies in it, so the inputs of the area's actual mix count most.
    Map<Integer, Double> weights = new LinkedHashMap<>();
    double total = 0;
    for (String f : c.focusIndustries) {
      int j = c.table.indexOf(f);
      weights.put(j, region[j]);
      total += region[j];
    }
    if (weights.isEmpty()) {
      return;
    }
    double sum = total;
    weights.replaceAll((j, w) -> sum > 0 ? w / sum : 1.0 / c.focusIndustries.size());
    double[] score = new double[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      if (c.focusIndustries.contains(codes.get(i))) {
        continue;
      }
      for (var e : weights.entrySet()) {
        score[i] += e.getValue() * c.table.coefficient(i, e.getKey());
      }
    }
    List<Integer> top = new ArrayList<>();
    for (int i = 0; i < score.length; i++) {
      if (score[i] > 0) {
        top.add(i);
      }
    }
    top.sort(Comparator.comparingDouble((Integer i) -> score[i]).reversed());
    top = top.subList(0, Math.min(c.t.supplyTierTopN(), top.size()));
    double max = top.isEmpty() ? 1 : score[top.getFirst()];
    Set<String> covered = c.memberIndustries();
    int rank = 0;
    for (int i : top) {
      rank++;
      String code = codes.get(i);
      boolean lacks = slq[i] < c.t.supplyTierMaxLocationQuotient();
      boolean noMember = !covered.contains(code);
      if (!lacks && !noMember) {
        continue;
      }
      String name = c.table.industryNames().get(i);
      String why = lacks && noMember ? String.format("the area has little of it (LQ %.2f) and no member is in it", slq[i])
          : lacks ? String.format("the area has little of it (LQ %.2f)", slq[i]) : "no member is in it";
      gaps.add(new PartnershipGap(GapKind.MISSING_SUPPLY_TIER, (score[i] / max) * (lacks ? 1.0 : 0.7), String.format(
          "%s (%s) is input number %d to the partnership's focus industries (%.3f per £1 of their output), but %s.",
          name, code, rank, score[i], why), figures("industry", code, "industryName", name, "rank", rank,
          "weightedCoefficient", score[i], "locationQuotient", slq[i], "areaCompanies", region[i],
          "areaLacks", lacks, "noMember", noMember, "focusIndustries", List.copyOf(c.focusIndustries),
          "supplyTierTopN", c.t.supplyTierTopN(), "supplyTierMaxLocationQuotient", c.t.supplyTierMaxLocationQuotient()),
          List.of(code)));
    }
  }

  private void anchorsOutside(Context c, List<PartnershipGap> gaps) {
    Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    for (Record r : reads.read("""
        MATCH (x:Organisation)-[:LOCATED_IN]->(a:LocalAuthority) WHERE a.code IN $las
        MATCH (x)-[:SUPPLIES|CONTROLS]->(y:Organisation)-[:LOCATED_IN]->(b:LocalAuthority) WHERE b.code IN $las
        RETURN x.id AS x, y.id AS y
        UNION
        MATCH (x:Organisation)-[:LOCATED_IN]->(a:LocalAuthority) WHERE a.code IN $las
        MATCH (x)<-[:OFFICER_OF]-(p:Person)-[:OFFICER_OF]->(y:Organisation)-[:LOCATED_IN]->(b:LocalAuthority)
        WHERE b.code IN $las AND x.id < y.id AND COUNT { (p)-[:OFFICER_OF]->() } <= $maxAppointments
        RETURN x.id AS x, y.id AS y
        """, Map.of("las", c.area.localAuthorityCodes(), "maxAppointments", c.t.maxOfficerAppointments()))) {
      addEdge(graph, r.get("x").asString(), r.get("y").asString());
    }
    Map<String, Double> centrality = new HashMap<>();
    String measure;
    if (graph.vertexSet().size() <= c.t.maxBetweennessVertices()) {
      centrality.putAll(new BetweennessCentrality<>(graph, true).getScores());
      measure = "betweenness";
    } else {
      // Brandes' algorithm is O(V·E); on very large areas degree is the affordable stand-in.
      for (String v : graph.vertexSet()) {
        centrality.put(v, (double) graph.degreeOf(v) / Math.max(1, graph.vertexSet().size() - 1));
      }
      measure = "degree";
    }
    double max = centrality.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<String, Map<String, Object>> anchors = new LinkedHashMap<>();
    centrality.entrySet().stream().filter(e -> !c.memberIds.contains(e.getKey()) && e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(c.t.anchorTopN())
        .forEach(e -> anchors.put(e.getKey(), new HashMap<>(Map.of("centrality", e.getValue(),
            "centralityMeasure", measure, "connections", graph.degreeOf(e.getKey()),
            "severityFromCentrality", e.getValue() / max))));

    // Large employers in the focus sectors (any of their SIC codes).
    List<Record> large = reads.read("""
        MATCH (o:Organisation)-[:LOCATED_IN]->(a:LocalAuthority) WHERE a.code IN $las AND o.employees IS NOT NULL
          AND EXISTS { (o)-[:OPERATES_IN]->(s:Sector) WHERE s.code IN $focus }
        RETURN o.id AS id, o.employees AS employees
        """, Map.of("las", c.area.localAuthorityCodes(), "focus", List.copyOf(c.focusSubclasses)));
    double focusEmployees = large.stream().mapToDouble(r -> r.get("employees").asNumber().doubleValue()).sum();
    for (Record r : large) {
      double share = r.get("employees").asNumber().doubleValue() / focusEmployees;
      String id = r.get("id").asString();
      if (!c.memberIds.contains(id) && share >= c.t.anchorMinEmploymentShare()) {
        Map<String, Object> f = anchors.computeIfAbsent(id, k -> new HashMap<>());
        f.put("employees", r.get("employees").asNumber().doubleValue());
        f.put("shareOfFocusEmployees", share);
        f.put("severityFromSize", Math.min(1, 2 * share));
      }
    }
    if (anchors.isEmpty()) {
      return;
    }
    Map<String, String> names = names(List.copyOf(anchors.keySet()));
    for (var e : anchors.entrySet()) {
      Map<String, Object> f = e.getValue();
      double severity = Math.max((double) f.getOrDefault("severityFromCentrality", 0.0),
          (double) f.getOrDefault("severityFromSize", 0.0));
      List<String> reasons = new ArrayList<>();
      if (f.containsKey("centrality")) {
        reasons.add(String.format("is among the most central organisations in the area's supply, ownership and "
            + "board network (%d direct links)", (int) f.get("connections")));
      }
      if (f.containsKey("shareOfFocusEmployees")) {
        reasons.add(String.format("employs %.0f%% of the area's focus-sector workforce",
            100 * (double) f.get("shareOfFocusEmployees")));
      }
      f.put("organisation", e.getKey());
      f.put("anchorTopN", c.t.anchorTopN());
      f.put("anchorMinEmploymentShare", c.t.anchorMinEmploymentShare());
      f.put("maxOfficerAppointments", c.t.maxOfficerAppointments());
      gaps.add(new PartnershipGap(GapKind.ANCHOR_OUTSIDE, severity, String.format("%s %s, but is not a member of %s.",
          names.get(e.getKey()), String.join(" and ", reasons), c.name), f, List.of(e.getKey())));
    }
  }

  private void unclaimedFunding(Context c, List<PartnershipGap> gaps) {
    List<String> areaCodes = new ArrayList<>(c.area.localAuthorityCodes());
    areaCodes.add(c.area.code());
    // A stream open to a LEP that contains the partnership's districts is open to the partnership too.
    reads.read("MATCH (a:LocalAuthority)-[:IN_LEP]->(l:Lep) WHERE a.code IN $las RETURN DISTINCT l.code AS code",
        Map.of("las", c.area.localAuthorityCodes())).forEach(r -> areaCodes.add(r.get("code").asString()));
    List<Record> streams = reads.read("""
        MATCH (f:FundingStream)
        WHERE size(coalesce(f.eligibleAreas, [])) = 0 OR any(code IN f.eligibleAreas WHERE code IN $areas)
        WITH f, size(coalesce(f.eligibleSectors, [])) = 0 OR size($focus) = 0 OR EXISTS {
          MATCH (root:Sector)<-[:PART_OF*0..4]-(s:Sector {level: 'SUBCLASS'})
          WHERE root.code IN f.eligibleSectors AND s.code IN $focus } AS overlaps
        WHERE overlaps AND NOT EXISTS {
          MATCH (m:Organisation)-[:RECEIVED]->(f) WHERE (m)-[:MEMBER_OF]->(:Partnership {id: $id}) }
        RETURN f.id AS id, f.programme AS programme, f.funder AS funder, f.amountGbp AS amount,
               f.closesOn AS closesOn, coalesce(f.eligibleSectors, []) AS sectors, coalesce(f.eligibleAreas, []) AS areas,
               COLLECT { MATCH (o:Organisation)-[:RECEIVED]->(f) RETURN DISTINCT o.id } AS recipients,
               COLLECT { MATCH (o:Organisation)-[r:RECEIVED]->(f) RETURN r.amountGbp } AS awards
        ORDER BY id
        """, Map.of("areas", areaCodes, "focus", List.copyOf(c.focusSubclasses), "id", c.id));
    LocalDate today = LocalDate.now();
    for (Record r : streams) {
      boolean open = r.get("closesOn").isNull() || !r.get("closesOn").asLocalDate().isBefore(today);
      double amount = r.get("amount").isNull() ? 0 : r.get("amount").asNumber().doubleValue();
      double awarded = r.get("awards").asList(v -> v.isNull() ? 0.0 : v.asNumber().doubleValue()).stream()
          .mapToDouble(Double::doubleValue).sum();
      List<String> recipients = r.get("recipients").asList(Value::asString);
      List<String> ids = new ArrayList<>(List.of(r.get("id").asString()));
      ids.addAll(recipients);
      String programme = r.get("programme").asString(r.get("id").asString());
      gaps.add(new PartnershipGap(GapKind.UNCLAIMED_FUNDING, open ? 0.8 : 0.4, String.format(
          "%s (£%,.0f, %s) is open to %s and its sectors, but no member has received it%s.", programme, amount,
          open ? "still open" : "now closed", c.area.name(), recipients.isEmpty() ? ""
              : String.format("; %d non-member%s did, £%,.0f in all", recipients.size(), recipients.size() == 1 ? "" : "s",
                  awarded)),
          figures("fundingStream", r.get("id").asString(), "programme", programme, "amountGbp", amount,
              "awardedToNonMembersGbp", awarded, "nonMemberRecipients", recipients, "open", open,
              "eligibleSectors", r.get("sectors").asList(Value::asString),
              "eligibleAreas", r.get("areas").asList(Value::asString), "areaCodesMatched", areaCodes,
              "focusSectors", c.focus), ids));
    }
  }

  private void uncoveredPlaces(Context c, List<PartnershipGap> gaps) {
    List<Record> rows = reads.read("""
        MATCH (a:LocalAuthority)-[f:HAS_FIRMS]->(s:Sector) WHERE a.code IN $las AND s.code IN $focus
        RETURN a.code AS la, sum(f.companies) AS companies
        """, Map.of("las", c.area.localAuthorityCodes(), "focus", List.copyOf(c.focusSubclasses)));
    Map<String, Double> shares = c.area.shares();
    Map<String, Double> firms = new LinkedHashMap<>();
    for (Record r : rows) {
      firms.put(r.get("la").asString(), r.get("companies").asNumber().doubleValue() * shares.get(r.get("la").asString()));
    }
    double total = firms.values().stream().mapToDouble(Double::doubleValue).sum();
    Set<String> memberPlaces = new HashSet<>();
    c.members.forEach(m -> {
      if (!m.get("la").isNull()) {
        memberPlaces.add(m.get("la").asString());
      }
    });
    for (var la : c.area.localAuthorities()) {
      double count = firms.getOrDefault(la.code(), 0.0);
      double share = total == 0 ? 0 : count / total;
      if (share >= c.t.uncoveredPlaceMinShare() && !memberPlaces.contains(la.code())) {
        gaps.add(new PartnershipGap(GapKind.UNCOVERED_PLACE, Math.min(1, 2 * share), String.format(
            "%s holds %.0f%% of %s's firms in the partnership's sectors (%.0f companies), but no member is located there.",
            la.name(), 100 * share, c.area.name(), count), figures("localAuthority", la.code(), "name", la.name(),
            "focusCompanies", count, "areaFocusCompanies", total, "share", share,
            "uncoveredPlaceMinShare", c.t.uncoveredPlaceMinShare()), List.of(la.code())));
      }
    }
  }

  /** The kinds a rounded partnership has; a group is satisfied by any of its kinds. */
  private enum KindGroup {
    UNIVERSITY_OR_COLLEGE(0.6, "university or college", "UNIVERSITY", "COLLEGE"),
    LOCAL_AUTHORITY(0.6, "local authority", "LOCAL_AUTHORITY"),
    COMPANY(0.9, "company", "COMPANY"),
    TRADE_BODY(0.5, "trade body", "TRADE_BODY");

    final double severity;
    final String words;
    final List<String> kinds;

    KindGroup(double severity, String words, String... kinds) {
      this.severity = severity;
      this.words = words;
      this.kinds = List.of(kinds);
    }
  }

  private void missingKinds(Context c, List<PartnershipGap> gaps) {
    Set<String> kinds = new HashSet<>();
    c.members.forEach(m -> kinds.add(m.get("kind").asString("")));
    for (KindGroup g : KindGroup.values()) {
      if (g.kinds.stream().noneMatch(kinds::contains)) {
        gaps.add(new PartnershipGap(GapKind.MISSING_KIND, g.severity, String.format(
            "%s has no %s among its %d members.", c.name, g.words, c.members.size()),
            figures("missing", g.name(), "kinds", g.kinds, "memberKinds", List.copyOf(new java.util.TreeSet<>(kinds))),
            List.of()));
      }
    }
  }

  private void singleBrokers(Context c, List<PartnershipGap> gaps) {
    Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    c.memberIds.forEach(graph::addVertex);
    for (Record r : reads.read("""
        MATCH (x:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id})
        MATCH (x)-[:SUPPLIES|CONTROLS]->(y:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id})
        RETURN x.id AS x, y.id AS y
        UNION
        MATCH (x:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id})
        MATCH (x)<-[:OFFICER_OF]-(p:Person)-[:OFFICER_OF]->(y:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id})
        WHERE x.id < y.id AND COUNT { (p)-[:OFFICER_OF]->() } <= $maxAppointments
        RETURN x.id AS x, y.id AS y
        """, Map.of("id", c.id, "maxAppointments", c.t.maxOfficerAppointments()))) {
      addEdge(graph, r.get("x").asString(), r.get("y").asString());
    }
    Set<String> cutpoints = new java.util.TreeSet<>(new BiconnectivityInspector<>(graph).getCutpoints());
    if (cutpoints.isEmpty()) {
      return;
    }
    Map<String, String> names = names(List.copyOf(cutpoints));
    for (String broker : cutpoints) {
      Set<String> rest = new HashSet<>(graph.vertexSet());
      rest.remove(broker);
      var parts = new ConnectivityInspector<>(new AsSubgraph<>(graph, rest)).connectedSets();
      // Only the parts that were connected through the broker count as split off.
      Set<String> neighbours = new HashSet<>(org.jgrapht.Graphs.neighborListOf(graph, broker));
      List<Set<String>> split = parts.stream().filter(s -> s.stream().anyMatch(neighbours::contains)).toList();
      int largest = split.stream().mapToInt(Set::size).max().orElse(0);
      int cutOff = split.stream().mapToInt(Set::size).sum() - largest;
      gaps.add(new PartnershipGap(GapKind.SINGLE_BROKER, (double) cutOff / Math.max(1, c.members.size() - 1),
          String.format("%s alone links %d member%s to the rest of %s through supply, ownership or shared board members.",
              names.get(broker), cutOff, cutOff == 1 ? "" : "s", c.name),
          figures("organisation", broker, "membersCutOff", cutOff, "parts", split.size(), "members", c.members.size(),
              "maxOfficerAppointments", c.t.maxOfficerAppointments()), List.of(broker)));
    }
  }

  private static void addEdge(Graph<String, DefaultEdge> graph, String x, String y) {
    if (x.equals(y)) {
      return;
    }
    graph.addVertex(x);
    graph.addVertex(y);
    graph.addEdge(x, y);
  }

  private Map<String, String> names(List<String> ids) {
    Map<String, String> names = new HashMap<>();
    reads.read("MATCH (o:Organisation) WHERE o.id IN $ids RETURN o.id AS id, o.name AS name", Map.of("ids", ids))
        .forEach(r -> names.put(r.get("id").asString(), r.get("name").asString(r.get("id").asString())));
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  private static Map<String, Object> figures(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
