package uk.sectorgraph.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic, synthetic sample of the Tees Valley LEP area (E37000034): a few hundred organisations
 * spread over its five real local authorities, two partnerships, supplier links, officers, ownership,
 * funding streams and awards, plus a thin synthetic national background so that location quotients
 * have a nation to compare with. Every name ends in "(sample)" and every node carries {@code sample: true}.
 *
 * <p>Its shape is planted on purpose so that each analysis has something true to find (see
 * docs/methods.md, "The sample region"): chemicals and logistics are over-represented here; Hartlepool
 * holds many chemical firms but no partnership member; a large steel firm at the centre of the supply
 * and officer network is not a member; one funding stream open to the area has no member award; the
 * digital partnership has no university, college or trade body; and one member alone links the
 * partnership's two clusters.
 */
public final class SampleRegion {

  public static final String LEP = "E37000034";
  public static final String HARTLEPOOL = "E06000001";
  public static final String MIDDLESBROUGH = "E06000002";
  public static final String REDCAR = "E06000003";
  public static final String STOCKTON = "E06000004";
  public static final String DARLINGTON = "E06000005";
  public static final String CLEAN_INDUSTRY = "tees-valley-clean-industry";
  public static final String DIGITAL = "darlington-digital";

  static final Map<String, String[]> POSTCODE_DISTRICTS = Map.of(
      HARTLEPOOL, new String[] {"TS24", "TS25", "TS26", "TS27"},
      MIDDLESBROUGH, new String[] {"TS1", "TS3", "TS4", "TS5", "TS7"},
      REDCAR, new String[] {"TS6", "TS10", "TS11", "TS14"},
      STOCKTON, new String[] {"TS16", "TS17", "TS18", "TS19", "TS20"},
      DARLINGTON, new String[] {"DL1", "DL2", "DL3"});

  /** Sector mix of the region's firms: SIC code → weight, per local authority emphasis below. */
  private static final Map<String, Integer> REGION_MIX = new LinkedHashMap<>();
  static {
    REGION_MIX.put("20140", 10); // organic basic chemicals
    REGION_MIX.put("20110", 6);  // industrial gases (hydrogen)
    REGION_MIX.put("20150", 3);  // fertilisers
    REGION_MIX.put("20160", 4);  // plastics in primary forms
    REGION_MIX.put("22290", 4);  // plastic products
    REGION_MIX.put("24100", 3);  // basic iron and steel
    REGION_MIX.put("25110", 5);  // metal structures (wind towers)
    REGION_MIX.put("25620", 6);  // machining
    REGION_MIX.put("28110", 2);  // engines and turbines
    REGION_MIX.put("33120", 5);  // repair of machinery
    REGION_MIX.put("71121", 8);  // engineering design
    REGION_MIX.put("52290", 8);  // other transport support (logistics)
    REGION_MIX.put("52103", 4);  // warehousing
    REGION_MIX.put("49410", 6);  // road freight
    REGION_MIX.put("43999", 5);  // specialised construction
    REGION_MIX.put("62012", 6);  // software development
    REGION_MIX.put("62020", 4);  // IT consultancy
    REGION_MIX.put("70229", 5);  // management consultancy
    REGION_MIX.put("56101", 4);  // restaurants
    REGION_MIX.put("47190", 3);  // retail
    REGION_MIX.put("35110", 2);  // electricity production
  }

  /** A generic national mix for the synthetic background (little chemistry, logistics or steel). */
  private static final Map<String, Integer> NATIONAL_MIX = new LinkedHashMap<>();
  static {
    NATIONAL_MIX.put("62012", 10);
    NATIONAL_MIX.put("70229", 12);
    NATIONAL_MIX.put("68209", 10);
    NATIONAL_MIX.put("56101", 8);
    NATIONAL_MIX.put("47190", 8);
    NATIONAL_MIX.put("41100", 7);
    NATIONAL_MIX.put("43999", 8);
    NATIONAL_MIX.put("82990", 7);
    NATIONAL_MIX.put("96090", 5);
    NATIONAL_MIX.put("86900", 4);
    NATIONAL_MIX.put("62020", 6);
    NATIONAL_MIX.put("49410", 2);
    NATIONAL_MIX.put("25620", 2);
    NATIONAL_MIX.put("71121", 3);
    NATIONAL_MIX.put("52290", 1);
    NATIONAL_MIX.put("20140", 1);
    NATIONAL_MIX.put("10890", 2);
    NATIONAL_MIX.put("46900", 4);
  }

  private static final String[] FIRST = {"Tees", "Riverside", "Northgate", "Cleveland", "Seal Sands", "Wilton",
      "Transporter", "Ironmasters", "Coatham", "Boulby", "Eston", "Skerne", "Navigation", "Saltholme", "Hartburn",
      "Billingham", "Linthorpe", "Ormesby", "Greatham", "Brambles", "Portrack", "Haverton", "Teesport", "Grangetown"};
  private static final String[] SECOND = {"Process", "Engineering", "Chemicals", "Logistics", "Fabrication",
      "Technical", "Industrial", "Systems", "Services", "Works", "Solutions", "Energy", "Digital", "Supplies"};

  private final Random random = new Random(20_201_231L);
  private final List<SampleOrganisation> organisations = new ArrayList<>();
  private int nextNumber = 1;

  /** Builds the whole sample; the same call always gives the same data. */
  public static SampleData build(List<String> backgroundLocalAuthorities) {
    return new SampleRegion().generate(backgroundLocalAuthorities);
  }

  private SampleData generate(List<String> backgroundLocalAuthorities) {
    SampleData.Builder data = new SampleData.Builder();
    PlantedOrganisations planted = new PlantedOrganisations(this);
    planted.addTo(data);
    for (int i = 0; i < 260; i++) {
      String la = regionalLocalAuthority(i);
      String sic = pick(REGION_MIX);
      // Hartlepool is where the chemical firms cluster, so a partnership without a member there has a gap.
      if (la.equals(HARTLEPOOL) && random.nextInt(3) > 0) {
        sic = random.nextBoolean() ? "20140" : "20160";
      }
      data.organisation(company(firmName(sic), la, List.of(sic), 5 + random.nextInt(120)));
    }
    for (int i = 0; i < 1_500; i++) {
      String la = backgroundLocalAuthorities.get(i % backgroundLocalAuthorities.size());
      String sic = pick(NATIONAL_MIX);
      data.organisation(new SampleOrganisation(companyId(), String.format("Background Firm %04d Ltd (sample)", i + 1),
          "COMPANY", lastNumber(), status(), incorporated(), null, la, List.of(sic), 3 + random.nextInt(40)));
    }
    planted.linkInto(data, random);
    return data.build();
  }

  SampleOrganisation company(String name, String la, List<String> sics, int employees) {
    return new SampleOrganisation(companyId(), name, "COMPANY", lastNumber(), status(), incorporated(),
        postcode(la), la, sics, employees);
  }

  SampleOrganisation body(String id, String name, String kind, String la, int employees) {
    return new SampleOrganisation(id, name, kind, null, "Active", null, postcode(la), la, List.of(), employees);
  }

  private String companyId() {
    return "GB-COH-" + String.format("SG%06d", nextNumber++);
  }

  private String lastNumber() {
    return String.format("SG%06d", nextNumber - 1);
  }

  private String regionalLocalAuthority(int i) {
    String[] las = {MIDDLESBROUGH, STOCKTON, REDCAR, HARTLEPOOL, DARLINGTON, STOCKTON, MIDDLESBROUGH, HARTLEPOOL};
    return las[i % las.length];
  }

  private String firmName(String sic) {
    String second = switch (sic.substring(0, 2)) {
      case "20" -> "Chemicals";
      case "52", "49" -> "Logistics";
      case "62" -> "Digital";
      case "25", "24" -> "Fabrication";
      case "71" -> "Engineering";
      default -> SECOND[random.nextInt(SECOND.length)];
    };
    return FIRST[random.nextInt(FIRST.length)] + " " + second + " " + (char) ('A' + random.nextInt(26))
        + random.nextInt(100) + " Ltd (sample)";
  }

  private String status() {
    int r = random.nextInt(100);
    return r < 88 ? "Active" : r < 94 ? "Active - Proposal to Strike off" : "Liquidation";
  }

  private LocalDate incorporated() {
    return LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 35));
  }

  String postcode(String la) {
    String[] districts = la == null ? null : POSTCODE_DISTRICTS.get(la);
    if (districts == null) {
      return null;
    }
    String letters = "ABDEFGHJLNPQRSTUWXY";
    return districts[random.nextInt(districts.length)] + " " + (1 + random.nextInt(9))
        + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
  }

  private String pick(Map<String, Integer> weights) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int r = random.nextInt(total);
    for (var e : weights.entrySet()) {
      r -= e.getValue();
      if (r < 0) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  List<SampleOrganisation> organisations() {
    return organisations;
  }
}
