package uk.sectorgraph.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Session;

/**
 * The 38 LEPs (April 2020 codes) and the English local authority districts (December 2019) in them.
 * The LAD→LEP lookup is a 2017 one, so its LEP codes are translated to 2020 codes by name. Shares come
 * from LSOA counts: 1.0 for almost every district, split for the four Hampshire districts shared by
 * Enterprise M3 and Solent. A 2017 overlap (a second LEP, removed in 2020) is kept as a property only.
 */
final class GeographyLoader {

  static final String SOURCE = "ons-geography";
  private static final Pattern SPLIT = Pattern.compile("(E37\\d{6})=(\\d+)");

  int load(Session session) {
    Map<String, String> lep2017To2020 = new HashMap<>();
    for (CSVRecord r : ReferenceCsv.read("reference/geography/lep_codes_2017_vs_2020_by_name.csv")) {
      lep2017To2020.put(r.get("LEP17CD"), r.get("LEP20CD"));
    }
    Map<String, String> code2020To2017 = new HashMap<>();
    lep2017To2020.forEach((k, v) -> code2020To2017.put(v, k));
    List<Map<String, Object>> leps = new ArrayList<>();
    for (CSVRecord r : ReferenceCsv.read("reference/geography/ons_lep_names_codes_april2020.csv")) {
      leps.add(Map.of("code", r.get("LEP20CD"), "name", r.get("LEP20NM"),
          "code2017", code2020To2017.getOrDefault(r.get("LEP20CD"), r.get("LEP20CD"))));
    }
    List<Map<String, Object>> districts = new ArrayList<>();
    List<Map<String, Object>> memberships = new ArrayList<>();
    for (CSVRecord r : ReferenceCsv.read("reference/geography/lad19_to_lep17_derived.csv")) {
      String lad = r.get("LAD19CD");
      String overlap = lep2017To2020.getOrDefault(r.get("LEP17CD2"), "");
      districts.add(Map.of("code", lad, "name", r.get("LAD19NM"), "overlap2017", overlap));
      double total = Double.parseDouble(r.get("lsoa_count"));
      Matcher split = SPLIT.matcher(r.get("note"));
      boolean anySplit = false;
      while (split.find()) {
        anySplit = true;
        memberships.add(Map.of("lad", lad, "lep", lep2017To2020.get(split.group(1)),
            "share", Double.parseDouble(split.group(2)) / total));
      }
      if (!anySplit) {
        memberships.add(Map.of("lad", lad, "lep", lep2017To2020.get(r.get("LEP17CD1")), "share", 1.0));
      }
    }
    Map<String, Object> params = Map.of("leps", leps, "districts", districts, "memberships", memberships, "source", SOURCE);
    session.executeWrite(tx -> {
      tx.run("""
          UNWIND $leps AS row
          MERGE (l:Lep {code: row.code})
          SET l.name = row.name, l.code2017 = row.code2017, l.vintage = '2020', l.source = $source, l.asOf = date('2020-04-01')
          """, params).consume();
      tx.run("""
          UNWIND $districts AS row
          MERGE (a:LocalAuthority {code: row.code})
          SET a.name = row.name, a.vintage = '2019', a.source = $source, a.asOf = date('2019-12-01'),
              a.lepOverlap2017 = CASE row.overlap2017 WHEN '' THEN null ELSE row.overlap2017 END
          """, params).consume();
      tx.run("""
          UNWIND $memberships AS row
          MATCH (a:LocalAuthority {code: row.lad}), (l:Lep {code: row.lep})
          MERGE (a)-[r:IN_LEP]->(l)
          SET r.share = row.share, r.source = $source, r.asOf = date('2020-04-01')
          """, params).consume();
      return null;
    });
    return leps.size() + districts.size();
  }
}
