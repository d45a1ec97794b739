package uk.sectorgraph.analysis.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import uk.sectorgraph.analysis.area.Area;
import uk.sectorgraph.analysis.area.AreaIndustryCounts;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.analysis.area.NationalTable;
import uk.sectorgraph.analysis.io.LocationQuotients;
import uk.sectorgraph.analysis.io.RegionalModel;
import uk.sectorgraph.store.GraphStore;

/**
 * Runs a shock through a regional input-output model of an area and says who gains and why.
 *
 * <p>Steps (see docs/methods.md): resolve the area; count its companies per industry against the
 * nation; regionalise the national A by FLQ or SLQ; turn the scenario into a final-demand change Δf;
 * Δx^r = L^r·Δf inside the area and L·Δf nationally (the difference is leakage); allocate each
 * industry's Δx^r to the area's companies in it by size weight; explain each gain by the strongest
 * industry supply path and, where SUPPLIES links exist, the shortest firm chain.
 */
public final class SupplyChainImpact {

  /** The allocation rule, echoed in every result. */
  public static final String SIZE_WEIGHT = "employees when present, else 1 per company, times the district's share "
      + "of the area; an organisation's share of its industry's output change = its weight / the total weight of "
      + "the area's companies in that industry (primary SIC code, not dissolved)";

  private final GraphReads reads;

  public SupplyChainImpact(GraphStore store) {
    this.reads = new GraphReads(store);
  }

  public ImpactResult run(ImpactRequest request) {
    Area area = Area.resolve(reads, request.areaSpec());
    NationalTable table = NationalTable.load(reads, request.ioTableYear());
    List<String> codes = table.industryCodes();
    int n = codes.size();
    AreaIndustryCounts counts = AreaIndustryCounts.of(reads, area, codes, request.measure());
    LocationQuotients lq = counts.locationQuotients(request.delta());
    RegionalModel model = RegionalModel.of(table.coefficients(), lq, request.regionalisation());
    double[][] ar = model.regionalCoefficients();
    double[][] adjustments = model.adjustments();
    Set<String> lepAndDistricts = new HashSet<>(area.localAuthorityCodes());

    // 1. The scenario as Δf (regional), plus what goes straight to one organisation.
    double[] regionalShock = new double[n];
    double[] nationalShock = new double[n];
    List<ShockComponent> shock = new ArrayList<>();
    List<CoefficientUsed> used = new ArrayList<>();
    String directOrganisation = null;
    double direct = 0;
    Record directFirm = null; // the supplier's row when it is a current company in the area
    Set<String> shockedOrganisations = new LinkedHashSet<>();
    switch (request.scenario()) {
      case Scenario.FinalDemand fd -> {
        for (ShockComponent c : finalDemand(fd, table, area)) {
          int i = table.indexOf(c.industryCode());
          regionalShock[i] += c.gbpMillion();
          nationalShock[i] += c.gbpMillion();
          shock.add(c);
        }
      }
      case Scenario.Localise lo -> {
        int i = requireIndustry(table, lo.supplierIndustry());
        int j = requireIndustry(table, lo.buyerIndustry());
        double a = table.coefficient(i, j);
        double outsideShare = a - ar[i][j];
        // The buyer's regional output, estimated as its national output times the area's share of its count.
        double nationCount = counts.nation()[j];
        double xj = nationCount == 0 ? 0 : table.output(j) * counts.region()[j] / nationCount;
        double df = lo.share() * outsideShare * xj;
        regionalShock[i] += df;
        used.add(new CoefficientUsed(codes.get(i), codes.get(j), a, adjustments[i][j], ar[i][j]));
        shock.add(new ShockComponent(codes.get(i), df, true, String.format(
            "%.3f × (a_ij %.5f − a_ij^r %.5f) × x_j^r %.2f (national output of %s %.1f × area share of its count %.5f)",
            lo.share(), a, ar[i][j], xj, codes.get(j), table.output(j), nationCount == 0 ? 0 : counts.region()[j] / nationCount)));
      }
      case Scenario.SupplyLink sl -> {
        List<Record> rows = reads.read("""
            MATCH (s:Organisation {id: $supplier})
            OPTIONAL MATCH (s)-[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(i:Industry)
            OPTIONAL MATCH (s)-[:LOCATED_IN]->(a:LocalAuthority)
            OPTIONAL MATCH (s)-[l:SUPPLIES]->(:Organisation {id: $customer})
            RETURN i.code AS industry, a.code AS la, l.valueGbp AS current, s.id AS id, s.name AS name, s.kind AS kind,
                   s.kind = 'COMPANY' AND s.dissolvedOn IS NULL AS firm, s.employees AS employees
            LIMIT 1
            """, Map.of("supplier", sl.supplierId(), "customer", sl.customerId()));
        if (rows.isEmpty() || rows.getFirst().get("industry").isNull()) {
          throw new IllegalArgumentException("supplier " + sl.supplierId() + " is unknown or has no primary SIC code "
              + "mapped to an industry");
        }
        Record r = rows.getFirst();
        String industry = r.get("industry").asString();
        boolean inArea = !r.get("la").isNull() && lepAndDistricts.contains(r.get("la").asString());
        int i = table.indexOf(industry);
        nationalShock[i] += sl.gbpMillion();
        if (inArea) {
          regionalShock[i] += sl.gbpMillion();
          directOrganisation = sl.supplierId();
          direct = sl.gbpMillion();
          directFirm = r.get("firm").asBoolean(false) ? r : null;
        }
        shockedOrganisations.add(sl.supplierId());
        shock.add(new ShockComponent(industry, sl.gbpMillion(), inArea, "supply link " + sl.supplierId() + " → "
            + sl.customerId() + (r.get("current").isNull() ? " (new link)" : " (now £" + r.get("current").asNumber() + ")")
            + ": demand for the supplier's primary industry" + (inArea ? "" : "; the supplier is outside the area")));
      }
    }

    // 2. Output changes.
    double[] regional = model.leontief().outputChange(regionalShock);
    double[] national = table.leontief().outputChange(nationalShock);
    if (request.scenario() instanceof Scenario.Localise) {
      // Localising moves purchases from elsewhere in the UK into the area: there is no new national demand,
      // and the rest of the UK loses roughly what the area gains (not modelled). The national column
      // repeats the regional one, so leakage is 0 by construction (docs/methods.md).
      national = regional.clone();
    }

    // 3. Allocation to the area's current companies in each industry with a change, by size weight. The
    // aggregates give each industry's total weight and its districts' largest firms (FirmCells), so only
    // the organisations the result lists are read, not every company of the area.
    Set<String> changed = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (regional[i] != 0) {
        changed.add(codes.get(i));
      }
    }
    Map<String, Double> shares = area.shares();
    FirmCells cells = FirmCells.read(reads, area.localAuthorityCodes(), changed);
    Map<String, Double> industryWeight = cells.industryWeights(shares);
    Set<String> shockedIndustries = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (regionalShock[i] != 0) {
        shockedIndustries.add(codes.get(i));
      }
    }
    if (directOrganisation != null && (directFirm == null
        || !industryWeight.containsKey(directFirm.get("industry").asString()))) {
      // The supplier is in the area but not a (current) company with a mapped SIC: nothing to allocate it to.
      directOrganisation = null;
    }
    // A supply-link shock goes to the supplier itself; only the indirect rest is shared by weight.
    double[] spread = regional.clone();
    if (directOrganisation != null) {
      spread[table.indexOf(directFirm.get("industry").asString())] -= direct;
    }

    Set<String> members = new HashSet<>();
    List<Record> memberRows = request.partnershipId() == null ? List.of() : reads.read("""
        MATCH (o:Organisation)-[:MEMBER_OF]->(:Partnership {id: $id})
        OPTIONAL MATCH (o)-[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(i:Industry)
        OPTIONAL MATCH (o)-[:LOCATED_IN]->(a:LocalAuthority)
        RETURN o.id AS id, o.name AS name, o.kind AS kind, a.code AS la, i.code AS industry, o.employees AS employees,
               o.kind = 'COMPANY' AND o.dissolvedOn IS NULL AS firm
        """, Map.of("id", request.partnershipId()));
    if (request.partnershipId() != null && memberRows.isEmpty()) {
      List<Record> exists = reads.read("MATCH (p:Partnership {id: $id}) RETURN p.id AS id", Map.of("id", request.partnershipId()));
      if (exists.isEmpty()) {
        throw new IllegalArgumentException("unknown partnership " + request.partnershipId());
      }
    }
    memberRows.forEach(m -> members.add(m.get("id").asString()));

    // Every firm's gain is its share of its industry's spread (plus the direct shock for the supplier), so
    // the gains of all firms add up to the spread of the industries that have firms, plus the direct shock.
    double allocated = directOrganisation != null ? direct : 0;
    for (String industry : industryWeight.keySet()) {
      allocated += spread[table.indexOf(industry)];
    }
    final String directId = directOrganisation;
    final double directGbp = direct;
    java.util.function.Function<Record, Gain> gainOf = row -> {
      String industry = row.get("industry").isNull() ? null : row.get("industry").asString();
      String la = row.get("la").isNull() ? null : row.get("la").asString();
      boolean member = members.contains(row.get("id").asString());
      if (industry == null || la == null || !lepAndDistricts.contains(la) || !industryWeight.containsKey(industry)
          || (row.keys().contains("firm") && !row.get("firm").asBoolean(false))) {
        return new Gain(row, member, 0, 0, 0, 0);
      }
      double w = (row.get("employees").isNull() ? 1.0 : row.get("employees").asNumber().doubleValue())
          * shares.getOrDefault(la, 1.0);
      double share = w / industryWeight.get(industry);
      double directHere = row.get("id").asString().equals(directId) ? directGbp : 0;
      return new Gain(row, member, w, share, share * spread[table.indexOf(industry)] + directHere, directHere);
    };
    double inside = 0;
    List<Gain> partnerGains = new ArrayList<>();
    for (Record m : memberRows) {
      Gain g = gainOf.apply(m);
      inside += g.gain();
      partnerGains.add(g);
    }

    // Whom to invite: the non-members who gain most. Only industries whose spread is positive can give a
    // positive gain, except to the supplier of a supply link, which is always a candidate.
    Set<String> mayGain = new HashSet<>();
    for (String industry : industryWeight.keySet()) {
      if (spread[table.indexOf(industry)] > 0) {
        mayGain.add(industry);
      }
    }
    Set<String> notCandidates = new HashSet<>(members);
    if (directOrganisation != null) {
      notCandidates.add(directOrganisation);
    }
    List<FirmCells.Candidate> best = new ArrayList<>(cells.best(request.inviteLimit(), shares, notCandidates, mayGain,
        c -> c.weight() / industryWeight.get(c.industry()) * spread[table.indexOf(c.industry())]));
    List<Record> candidateRows = new ArrayList<>(cells.rows(best));
    if (directOrganisation != null && !members.contains(directOrganisation)) {
      candidateRows.add(directFirm);
    }
    Comparator<Gain> byGain = Comparator.comparingDouble(Gain::gain).reversed().thenComparing(Gain::id);
    List<Gain> invite = candidateRows.stream().map(gainOf).filter(g -> g.gain() > 0).sorted(byGain)
        .limit(request.inviteLimit()).toList();
    double regionalTotal = sum(regional);
    double nationalTotal = sum(national);

    // 4. Why: industry paths (shared per industry) and firm chains (for the listed organisations).
    Map<String, IndustryPath> paths = new HashMap<>();
    Set<String> pairs = new LinkedHashSet<>();
    for (String industry : changed) {
      IndustryPath path = strongestPath(model, codes, table.indexOf(industry), regionalShock, request.maxPathEdges());
      if (path != null) {
        paths.put(industry, path);
        for (int k = 0; k + 1 < path.industries().size(); k++) {
          String buyer = path.industries().get(k);
          String supplier = path.industries().get(k + 1);
          if (pairs.add(supplier + "→" + buyer)) {
            int s = table.indexOf(supplier);
            int b = table.indexOf(buyer);
            used.add(new CoefficientUsed(supplier, buyer, table.coefficient(s, b), adjustments[s][b], ar[s][b]));
          }
        }
      }
    }

    partnerGains.sort(byGain);
    List<String> listed = new ArrayList<>();
    partnerGains.forEach(g -> listed.add(g.id()));
    invite.forEach(g -> listed.add(g.id()));
    // The firms the shock reaches first: the supplier of a supply link, else the area's current firms in
    // the shocked industries (matched by the chain query itself rather than listed).
    Set<String> shockedListed = new HashSet<>(shockedOrganisations);
    if (shockedOrganisations.isEmpty()) {
      for (Gain g : partnerGains) {
        if (g.weight() > 0 && shockedIndustries.contains(g.industry())) {
          shockedListed.add(g.id());
        }
      }
      for (Gain g : invite) {
        if (shockedIndustries.contains(g.industry())) {
          shockedListed.add(g.id());
        }
      }
    }
    Map<String, List<FirmStep>> chains = firmChains(listed, List.copyOf(shockedOrganisations),
        shockedOrganisations.isEmpty() ? List.copyOf(shockedIndustries) : List.of(), area.localAuthorityCodes(),
        shockedListed, request.maxFirmHops());

    List<OrganisationGain> partners = partnerGains.stream().map(g -> g.toResult(paths, chains)).toList();
    List<OrganisationGain> toInvite = invite.stream().map(g -> g.toResult(paths, chains)).toList();

    List<IndustryImpact> industries = new ArrayList<>();
    double[] slq = lq.simpleLocationQuotients();
    double[] region = counts.region();
    double[] nation = counts.nation();
    double unallocated = 0;
    for (int i = 0; i < n; i++) {
      if (regional[i] == 0 && national[i] == 0 && regionalShock[i] == 0) {
        continue;
      }
      boolean hasFirms = industryWeight.containsKey(codes.get(i));
      if (!hasFirms) {
        unallocated += regional[i];
      }
      industries.add(new IndustryImpact(codes.get(i), table.industryNames().get(i), regionalShock[i], regional[i],
          national[i], region[i], nation[i], slq[i], model.leakage(i), hasFirms));
    }
    industries.sort(Comparator.comparingDouble(IndustryImpact::regionalOutputChange).reversed());

    ModelInputs inputs = new ModelInputs(table.year(), request.regionalisation(), request.delta(), lq.lambda(),
        request.measure(), area.localAuthorities(), codes, boxed(region), boxed(nation), lq.regionTotal(),
        lq.nationTotal(), boxed(slq), used, SIZE_WEIGHT);
    ImpactTotals totals = new ImpactTotals(regionalTotal, nationalTotal, nationalTotal - regionalTotal, allocated,
        unallocated, inside, allocated - inside);
    return new ImpactResult(request, area, inputs, shock, industries, partners, toInvite, totals);
  }

  /** Δf for a final-demand scenario: an industry, or a SIC code split over its industries. */
  private List<ShockComponent> finalDemand(Scenario.FinalDemand fd, NationalTable table, Area area) {
    if (table.indexOf(fd.code()) >= 0) {
      return List.of(new ShockComponent(fd.code(), fd.gbpMillion(), true, "final demand for industry " + fd.code()));
    }
    List<Record> rows = reads.read("""
        MATCH (root:Sector {code: $code})<-[:PART_OF*0..4]-(s:Sector {level: 'SUBCLASS'})-[:MAPS_TO]->(i:Industry)
        OPTIONAL MATCH (a:LocalAuthority)-[f:HAS_FIRMS]->(s)
        RETURN i.code AS industry, a.code AS la, sum(f.companies) AS companies
        """, Map.of("code", fd.code()));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(fd.code() + " is neither an industry of the " + table.year()
          + " table nor a SIC 2007 code mapped to one");
    }
    Map<String, Double> shares = area.shares();
    Map<String, double[]> byIndustry = new LinkedHashMap<>(); // industry → {area, nation}
    for (Record r : rows) {
      double[] c = byIndustry.computeIfAbsent(r.get("industry").asString(), k -> new double[2]);
      double companies = r.get("companies").asNumber().doubleValue();
      c[1] += companies;
      if (!r.get("la").isNull() && shares.containsKey(r.get("la").asString())) {
        c[0] += companies * shares.get(r.get("la").asString());
      }
    }
    double areaTotal = byIndustry.values().stream().mapToDouble(c -> c[0]).sum();
    double nationTotal = byIndustry.values().stream().mapToDouble(c -> c[1]).sum();
    // Split by the area's companies; if the area has none in the code, by the nation's; else evenly.
    int basis = areaTotal > 0 ? 0 : nationTotal > 0 ? 1 : -1;
    double total = basis == 0 ? areaTotal : nationTotal;
    List<ShockComponent> components = new ArrayList<>();
    for (var e : byIndustry.entrySet()) {
      double weight = basis < 0 ? 1.0 / byIndustry.size() : e.getValue()[basis] / total;
      if (weight == 0) {
        continue;
      }
      components.add(new ShockComponent(e.getKey(), fd.gbpMillion() * weight, true, basis < 0
          ? String.format("SIC %s split evenly over %d industries", fd.code(), byIndustry.size())
          : String.format("SIC %s split by %s companies in its subclasses: %.2f of %.2f", fd.code(),
              basis == 0 ? "area" : "national", e.getValue()[basis], total)));
    }
    return components;
  }

  private static int requireIndustry(NationalTable table, String code) {
    int i = table.indexOf(code);
    if (i < 0) {
      throw new IllegalArgumentException(code + " is not an industry of the " + table.year() + " table");
    }
    return i;
  }

  /**
   * The strongest path by which demand for a shocked industry k reaches industry p: maximise
   * Δf_k · Π a^r over paths p → … → k of at most {@code maxEdges} purchases (dynamic programming over
   * path length; every a^r < 1, so the best path never repeats an industry).
   */
  static IndustryPath strongestPath(RegionalModel model, List<String> codes, int target, double[] shock, int maxEdges) {
    int n = codes.size();
    double[][] ar = model.regionalCoefficients();
    IndustryPath best = null;
    double bestScore = 0;
    for (int k = 0; k < n; k++) {
      if (shock[k] == 0) {
        continue;
      }
      // value[i]: best product of a path i → … → k; next[h][i] the step taken with ≤ h edges.
      double[] value = new double[n];
      int[][] next = new int[maxEdges + 1][n];
      value[k] = 1;
      for (int[] row : next) {
        java.util.Arrays.fill(row, -1);
      }
      for (int h = 1; h <= maxEdges; h++) {
        double[] updated = value.clone();
        next[h] = next[h - 1].clone();
        for (int i = 0; i < n; i++) {
          for (int m = 0; m < n; m++) {
            if (m == i || value[m] == 0) {
              continue;
            }
            double candidate = ar[i][m] * value[m];
            if (candidate > updated[i] && i != k) {
              updated[i] = candidate;
              next[h][i] = m;
            }
          }
        }
        value = updated;
      }
      double score = Math.abs(shock[k]) * value[target];
      if (value[target] > 0 && score > bestScore) {
        List<String> industries = new ArrayList<>();
        int at = target;
        int h = maxEdges;
        industries.add(codes.get(at));
        while (at != k && h > 0) {
          at = next[h][at];
          h--;
          industries.add(codes.get(at));
        }
        List<String> fromShock = new ArrayList<>(industries.reversed());
        double strength = 1;
        for (int s = 0; s + 1 < fromShock.size(); s++) {
          strength *= ar[codes.indexOf(fromShock.get(s + 1))][codes.indexOf(fromShock.get(s))];
        }
        bestScore = score;
        best = new IndustryPath(fromShock, String.join(" ← ", fromShock), strength,
            model.leontief().leontiefInverse(target, k));
      }
    }
    return best;
  }

  // Variable-length bounds cannot be parameters in Cypher, so one fixed query per bound (1..6). The
  // search starts from the listed organisation and follows its (sparse, curated) SUPPLIES links; with
  // ANY SHORTEST and this target predicate the planner started from the targets, every company of the
  // country, and took seconds at national scale.
  private static final String[] CHAIN_QUERIES = new String[7];

  static {
    for (int hops = 1; hops <= 6; hops++) {
      CHAIN_QUERIES[hops] = """
          UNWIND $partners AS pid
          CALL (pid) {
            MATCH (p:Organisation {id: pid})
            MATCH path = (p)-[:SUPPLIES]->{1,%d}(s:Organisation)
            WHERE s.id IN $shocked
               OR (s.kind = 'COMPANY' AND s.dissolvedOn IS NULL
                   AND EXISTS { (s)-[:LOCATED_IN]->(a:LocalAuthority) WHERE a.code IN $las }
                   AND EXISTS { (s)-[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(i:Industry)
                                WHERE i.code IN $industries })
            RETURN path ORDER BY length(path) LIMIT 1
          }
          RETURN pid, [n IN nodes(path) | {id: n.id, name: n.name}] AS chain
          """.formatted(hops);
    }
  }

  /**
   * The shortest SUPPLIES chain from each listed organisation to a shocked firm: one of {@code shocked}
   * (ids), or a current company in the area ({@code las}) whose primary industry is in {@code industries}.
   * Organisations in {@code shockedListed} are shocked themselves (a chain of one).
   */
  private Map<String, List<FirmStep>> firmChains(List<String> partners, List<String> shocked, List<String> industries,
      List<String> las, Set<String> shockedListed, int maxHops) {
    Map<String, List<FirmStep>> chains = new HashMap<>();
    if (partners.isEmpty() || (shocked.isEmpty() && industries.isEmpty())) {
      return chains;
    }
    List<Record> rows = reads.read(CHAIN_QUERIES[maxHops], Map.of("partners", partners, "shocked", shocked,
        "industries", industries, "las", las));
    for (Record r : rows) {
      List<FirmStep> chain = new ArrayList<>();
      for (Value v : r.get("chain").values()) {
        chain.add(new FirmStep(v.get("id").asString(), v.get("name").asString(null)));
      }
      chains.put(r.get("pid").asString(), chain);
    }
    for (String p : partners) {
      if (shockedListed.contains(p)) {
        chains.put(p, List.of(new FirmStep(p, null)));
      }
    }
    return chains;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }

  /** A gain before its explanation is attached. */
  private record Gain(Record row, boolean member, double weight, double share, double gain, double direct) {
    String id() {
      return row.get("id").asString();
    }

    String industry() {
      return row.get("industry").isNull() ? null : row.get("industry").asString();
    }

    OrganisationGain toResult(Map<String, IndustryPath> paths, Map<String, List<FirmStep>> chains) {
      String industry = row.get("industry").isNull() ? null : row.get("industry").asString();
      List<FirmStep> chain = chains.getOrDefault(id(), List.of());
      if (chain.size() == 1 && chain.getFirst().name() == null) {
        chain = List.of(new FirmStep(id(), row.get("name").asString()));
      }
      return new OrganisationGain(id(), row.get("name").asString(), row.get("kind").asString(), industry,
          row.get("la").isNull() ? null : row.get("la").asString(), member, weight, share, gain, direct,
          gain > 0 && industry != null ? paths.get(industry) : null, chain);
    }
  }
}
