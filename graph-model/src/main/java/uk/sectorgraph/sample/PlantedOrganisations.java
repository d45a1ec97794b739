package uk.sectorgraph.sample;

import static uk.sectorgraph.sample.SampleRegion.DARLINGTON;
import static uk.sectorgraph.sample.SampleRegion.HARTLEPOOL;
import static uk.sectorgraph.sample.SampleRegion.MIDDLESBROUGH;
import static uk.sectorgraph.sample.SampleRegion.REDCAR;
import static uk.sectorgraph.sample.SampleRegion.STOCKTON;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The named organisations of the sample and how they are wired: who is in which partnership, who
 * supplies whom, who sits on whose board, who owns whom, and which funding reached whom. The wiring
 * is what the analyses are tested against, so each choice below says which finding it plants.
 */
final class PlantedOrganisations {

  private final SampleRegion region;
  private final Map<String, SampleOrganisation> byKey = new HashMap<>();

  PlantedOrganisations(SampleRegion region) {
    this.region = region;
  }

  void addTo(SampleData.Builder data) {
    body(data, "tvca", "GB-SAMPLE-TVCA", "Tees Valley Combined Authority (sample)", "PUBLIC_BODY", MIDDLESBROUGH, 300);
    body(data, "lep", "GB-SAMPLE-TVLEP", "Tees Valley LEP (sample)", "LEP", MIDDLESBROUGH, 40);
    body(data, "mbro", "GB-LAE-SAMPLE-MDB", "Middlesbrough Council (sample)", "LOCAL_AUTHORITY", MIDDLESBROUGH, 3000);
    body(data, "stockton", "GB-LAE-SAMPLE-STT", "Stockton-on-Tees Borough Council (sample)", "LOCAL_AUTHORITY", STOCKTON, 3200);
    body(data, "redcar", "GB-LAE-SAMPLE-RCC", "Redcar and Cleveland Council (sample)", "LOCAL_AUTHORITY", REDCAR, 2800);
    body(data, "hartlepool", "GB-LAE-SAMPLE-HPL", "Hartlepool Borough Council (sample)", "LOCAL_AUTHORITY", HARTLEPOOL, 2100);
    body(data, "darlington", "GB-LAE-SAMPLE-DAL", "Darlington Borough Council (sample)", "LOCAL_AUTHORITY", DARLINGTON, 2300);
    body(data, "university", "GB-EDU-SAMPLE-TVU", "Tees Valley University (sample)", "UNIVERSITY", MIDDLESBROUGH, 2500);
    body(data, "college", "GB-EDU-SAMPLE-RVC", "Riverside College (sample)", "COLLEGE", STOCKTON, 600);
    body(data, "network", "GB-CHC-SAMPLE-TPIN", "Tees Process Industry Network (sample)", "TRADE_BODY", STOCKTON, 25);
    body(data, "skills", "GB-CHC-SAMPLE-TST", "Tees Skills Trust (sample)", "CHARITY", DARLINGTON, 30);
    body(data, "agency", "GB-SAMPLE-NIA", "National Innovation Agency (sample)", "PUBLIC_BODY", null, 900);

    company(data, "sealsands", "Seal Sands Chemicals Ltd (sample)", STOCKTON, 650, "20140", "20160");
    company(data, "hydrogen", "Wilton Hydrogen Ltd (sample)", REDCAR, 220, "20110");
    company(data, "fertilisers", "Billingham Fertilisers Ltd (sample)", STOCKTON, 300, "20150");
    company(data, "polymers", "Portrack Polymers Ltd (sample)", STOCKTON, 180, "20160");
    company(data, "transporter", "Transporter Engineering Services Ltd (sample)", MIDDLESBROUGH, 140, "71121");
    company(data, "eston", "Eston Fabrication Ltd (sample)", REDCAR, 260, "25110", "33110");
    // The anchor: the largest employer, at the centre of supply and board links, and not a member.
    company(data, "steel", "Teesside Steel and Engineering Group plc (sample)", REDCAR, 2400, "24100", "25110");
    company(data, "teesport", "Teesport Logistics Ltd (sample)", REDCAR, 400, "52290", "52103");
    company(data, "gas", "Greatham Gas Supply Ltd (sample)", HARTLEPOOL, 120, "35220");
    company(data, "plastics", "Haverton Plastics Ltd (sample)", HARTLEPOOL, 150, "22290");
    company(data, "holdings", "Seal Sands Holdings Ltd (sample)", STOCKTON, 5, "70100");
    company(data, "electrolysers", "Saltholme Electrolysers Ltd (sample)", HARTLEPOOL, 60, "20110", "27900");
    company(data, "software", "Skerne Software Ltd (sample)", DARLINGTON, 90, "62012");
    company(data, "data", "Darlington Data Ltd (sample)", DARLINGTON, 40, "62020");
    company(data, "cloud", "Northgate Cloud Ltd (sample)", DARLINGTON, 60, "63110");
  }

  void linkInto(SampleData.Builder data, Random random) {
    partnerships(data);
    supplyChain(data);
    boards(data);
    ownership(data, random);
    funding(data);
    groupings(data);
  }

  private void partnerships(SampleData.Builder data) {
    data.partnerships.add(Map.of("id", SampleRegion.CLEAN_INDUSTRY, "name", "Tees Valley Clean Industry Partnership (sample)",
        "description", "Chemicals, hydrogen and the engineering that serves them, across the Tees Valley LEP area. Sample data.",
        "focusSectors", List.of("20", "25.11", "71.12"), "areaCode", SampleRegion.LEP));
    data.partnerships.add(Map.of("id", SampleRegion.DIGITAL, "name", "Darlington Digital Partnership (sample)",
        "description", "Software and data firms in Darlington with their council. Sample data.",
        "focusSectors", List.of("62", "63"), "areaCode", DARLINGTON));
    // No member sits in Hartlepool, although many chemical firms do: an uncovered place.
    member(data, "tvca", SampleRegion.CLEAN_INDUSTRY, "LEAD", "2019-04-01");
    member(data, "mbro", SampleRegion.CLEAN_INDUSTRY, "BOARD", "2019-04-01");
    member(data, "stockton", SampleRegion.CLEAN_INDUSTRY, "BOARD", "2019-04-01");
    member(data, "redcar", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2020-01-15");
    member(data, "lep", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2019-04-01");
    member(data, "university", SampleRegion.CLEAN_INDUSTRY, "BOARD", "2019-06-01");
    member(data, "college", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2021-09-01");
    member(data, "network", SampleRegion.CLEAN_INDUSTRY, "BOARD", "2019-04-01");
    member(data, "sealsands", SampleRegion.CLEAN_INDUSTRY, "BOARD", "2019-04-01");
    member(data, "hydrogen", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2021-03-01");
    member(data, "fertilisers", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2019-04-01");
    member(data, "polymers", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2022-05-01");
    member(data, "transporter", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2020-07-01");
    member(data, "eston", SampleRegion.CLEAN_INDUSTRY, "MEMBER", "2020-07-01");
    // The digital partnership has no university, college or trade body: missing kinds.
    member(data, "darlington", SampleRegion.DIGITAL, "LEAD", "2022-01-10");
    member(data, "software", SampleRegion.DIGITAL, "BOARD", "2022-01-10");
    member(data, "data", SampleRegion.DIGITAL, "MEMBER", "2022-03-01");
    member(data, "cloud", SampleRegion.DIGITAL, "MEMBER", "2023-02-01");
  }

  private void supplyChain(SampleData.Builder data) {
    // The chemicals cluster is a ring of supply, so no single firm holds it together.
    supply(data, "gas", "sealsands", "Natural gas feedstock", 4_000_000);
    supply(data, "gas", "hydrogen", "Natural gas for reforming", 2_500_000);
    supply(data, "hydrogen", "sealsands", "Hydrogen", 1_800_000);
    supply(data, "hydrogen", "fertilisers", "Hydrogen for ammonia", 1_200_000);
    supply(data, "fertilisers", "polymers", "Nitrogen blanketing gas", 300_000);
    supply(data, "sealsands", "polymers", "Ethylene", 3_200_000);
    supply(data, "sealsands", "fertilisers", "Process chemicals", 900_000);
    supply(data, "polymers", "plastics", "Polyethylene pellets", 1_500_000);
    supply(data, "transporter", "sealsands", "Plant design and engineering", 600_000);
    supply(data, "transporter", "hydrogen", "Electrolyser engineering", 450_000);
    supply(data, "eston", "hydrogen", "Pressure vessels", 700_000);
    supply(data, "eston", "fertilisers", "Steel structures", 350_000);
    supply(data, "electrolysers", "hydrogen", "Electrolyser stacks", 1_100_000);
    supply(data, "steel", "eston", "Steel plate", 2_000_000);
    supply(data, "steel", "transporter", "Steel sections", 300_000);
    supply(data, "steel", "sealsands", "Pipework and maintenance", 850_000);
    supply(data, "teesport", "sealsands", "Bulk shipping", 800_000);
    supply(data, "teesport", "steel", "Port handling", 1_200_000);
    supply(data, "cloud", "software", "Hosting", 120_000);
    supply(data, "data", "software", "Data engineering", 80_000);
  }

  private void boards(SampleData.Builder data) {
    // The public side is a ring of shared board members; the trade body alone links it to the firms,
    // through two people on each side: the one member whose departure would split the partnership.
    person(data, "p01", "Alex Morgan (sample)", List.of("tvca", "mbro"));
    person(data, "p02", "Priya Shah (sample)", List.of("mbro", "stockton"));
    person(data, "p03", "Tom Atkinson (sample)", List.of("stockton", "redcar"));
    person(data, "p04", "Ruth Lowther (sample)", List.of("redcar", "tvca"));
    person(data, "p05", "Sam Okafor (sample)", List.of("university", "tvca", "mbro"));
    person(data, "p06", "Helen Marsh (sample)", List.of("college", "stockton", "redcar"));
    person(data, "p07", "Joe Bainbridge (sample)", List.of("lep", "tvca", "stockton"));
    person(data, "p08", "Fatima Noor (sample)", List.of("network", "tvca"));
    person(data, "p09", "Gareth Pease (sample)", List.of("network", "stockton"));
    person(data, "p10", "Liam Carr (sample)", List.of("network", "sealsands"));
    person(data, "p11", "Olivia Trent (sample)", List.of("network", "fertilisers"));
    // The anchor shares directors with firms on both sides of its supply chain.
    person(data, "p12", "Mark Heslop (sample)", List.of("steel", "eston", "teesport"));
    person(data, "p13", "Dawn Kell (sample)", List.of("steel", "sealsands"));
    person(data, "p14", "Ian Wardle (sample)", List.of("software", "data"));
    person(data, "p15", "Nadia Brook (sample)", List.of("darlington", "skills"));
  }

  private void ownership(SampleData.Builder data, Random random) {
    control(data, "holdings", "sealsands", List.of("ownership-of-shares-75-to-100-percent", "voting-rights-75-to-100-percent"), 75, 100);
    control(data, "steel", "teesport", List.of("ownership-of-shares-25-to-50-percent"), 25, 50);
    List<SampleOrganisation> regional = data.organisations().stream()
        .filter(o -> o.name().contains("Fabrication") && o.id().startsWith("GB-COH-SG")).limit(4).toList();
    for (SampleOrganisation o : regional) {
      data.control.add(Map.of("owner", byKey.get("steel").id(), "owned", o.id(),
          "natures", List.of("ownership-of-shares-75-to-100-percent"), "min", 75, "max", 100,
          "notifiedOn", "201" + random.nextInt(10) + "-04-06"));
    }
  }

  private void funding(SampleData.Builder data) {
    stream(data, "GB-SAMPLE-TVCA/net-zero-industry-fund", "tvca", "Net Zero Industry Fund (sample)", 650_000,
        "2021-04-01", "2025-03-31", List.of("20", "35"), List.of(SampleRegion.LEP));
    award(data, "sealsands", "GB-SAMPLE-TVCA/net-zero-industry-fund", "nzif-001", 250_000, "2021-09-14", "Carbon capture feasibility study");
    award(data, "hydrogen", "GB-SAMPLE-TVCA/net-zero-industry-fund", "nzif-002", 400_000, "2022-02-01", "Electrolyser pilot");
    // Open to this area and the partnership's sectors, but only non-members have drawn on it: unclaimed.
    stream(data, "GB-SAMPLE-NIA/hydrogen-supply-chain", "agency", "Hydrogen Supply Chain Fund (sample)", 1_350_000,
        "2023-01-01", "2026-12-31", List.of("20.11", "25.11", "71.12"), List.of());
    award(data, "electrolysers", "GB-SAMPLE-NIA/hydrogen-supply-chain", "hscf-101", 750_000, "2023-06-30", "Stack manufacturing scale-up");
    award(data, "steel", "GB-SAMPLE-NIA/hydrogen-supply-chain", "hscf-102", 600_000, "2024-01-15", "Hydrogen-ready fabrication line");
    stream(data, "GB-SAMPLE-ESIF/ERDF/E37000034", null, "ERDF Tees Valley 2014-2020 (sample)", 2_100_000,
        "2016-01-01", "2023-12-31", List.of(), List.of(SampleRegion.LEP));
    award(data, "university", "GB-SAMPLE-ESIF/ERDF/E37000034", "erdf-201", 1_200_000, "2016-11-01", "Process innovation centre");
    award(data, "college", "GB-SAMPLE-ESIF/ERDF/E37000034", "erdf-202", 500_000, "2017-03-01", "Process operator skills");
    award(data, "skills", "GB-SAMPLE-ESIF/ERDF/E37000034", "erdf-203", 400_000, "2018-05-01", "Digital skills bootcamps");
    stream(data, "GB-LAE-SAMPLE-DAL/digital-growth-grants", "darlington", "Digital Growth Grants (sample)", 60_000,
        "2022-04-01", "2027-03-31", List.of("62", "63"), List.of(DARLINGTON));
    award(data, "software", "GB-LAE-SAMPLE-DAL/digital-growth-grants", "dgg-001", 60_000, "2022-10-03", "Cloud migration");
  }

  private void groupings(SampleData.Builder data) {
    data.groupings.add(Map.of("id", "hydrogen-economy", "name", "Hydrogen economy",
        "description", "Industrial gases, electrolysers, pressure equipment and the engineering around them.",
        "sectors", List.of("20110", "27900", "25290", "71121", "71122")));
    data.groupings.add(Map.of("id", "offshore-wind", "name", "Offshore wind",
        "description", "Turbines, towers and foundations, installation, operation and maintenance.",
        "sectors", List.of("28110", "25110", "33140", "35110", "42220", "71121", "52220")));
  }

  private void body(SampleData.Builder data, String key, String id, String name, String kind, String la, int employees) {
    byKey.put(key, data.organisation(region.body(id, name, kind, la, employees)));
  }

  private void company(SampleData.Builder data, String key, String name, String la, int employees, String... sics) {
    byKey.put(key, data.organisation(region.company(name, la, List.of(sics), employees)));
  }

  private void member(SampleData.Builder data, String key, String partnership, String role, String since) {
    data.members.add(Map.of("organisation", byKey.get(key).id(), "partnership", partnership, "role", role, "since", since));
  }

  private void supply(SampleData.Builder data, String supplier, String customer, String what, long value) {
    data.supplierLinks.add(Map.of("supplier", byKey.get(supplier).id(), "customer", byKey.get(customer).id(),
        "what", what, "valueGbp", value, "evidence", "Sample data: an illustrative contract"));
  }

  private void person(SampleData.Builder data, String key, String name, List<String> organisations) {
    String id = "SAMPLE-OFFICER-" + key;
    data.people.add(Map.of("id", id, "name", name));
    for (int i = 0; i < organisations.size(); i++) {
      data.officerRoles.add(Map.of("person", id, "organisation", byKey.get(organisations.get(i)).id(),
          "role", i == 0 ? "director" : "board-member", "appointedOn", "201" + (5 + i) + "-0" + (1 + i) + "-15"));
    }
  }

  private void control(SampleData.Builder data, String owner, String owned, List<String> natures, int min, int max) {
    data.control.add(Map.of("owner", byKey.get(owner).id(), "owned", byKey.get(owned).id(),
        "natures", natures, "min", min, "max", max, "notifiedOn", "2017-04-06"));
  }

  private void stream(SampleData.Builder data, String id, String funderKey, String programme, long amount,
      String opens, String closes, List<String> sectors, List<String> areas) {
    SampleOrganisation funder = funderKey == null ? null : byKey.get(funderKey);
    Map<String, Object> row = new HashMap<>(Map.of("id", id, "programme", programme, "amountGbp", amount,
        "opensOn", opens, "closesOn", closes, "eligibleSectors", sectors, "eligibleAreas", areas,
        "funder", funder == null ? "European Structural and Investment Funds (sample)" : funder.name()));
    if (funder != null) {
      row.put("funderId", funder.id());
    }
    data.fundingStreams.add(row);
  }

  private void award(SampleData.Builder data, String recipient, String stream, String id, long amount, String on, String title) {
    data.awards.add(Map.of("organisation", byKey.get(recipient).id(), "stream", stream, "id", "SAMPLE-" + id,
        "amountGbp", amount, "awardedOn", on, "title", title + " (sample)"));
  }
}
