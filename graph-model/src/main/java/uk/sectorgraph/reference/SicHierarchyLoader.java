package uk.sectorgraph.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Session;

/**
 * SIC 2007 as a tree of {@code Sector} nodes: section → division → group → class → the five-digit
 * codes Companies House records against companies (which name the leaves Companies House's way).
 * ONS subclasses such as {@code 93.19/1} are the five-digit code {@code 93191}, so they are not loaded twice.
 */
final class SicHierarchyLoader {

  static final String SOURCE = "ons-uk-sic-2007";

  /** Codes Companies House uses that are not ONS SIC 2007, and where they sit in the tree. */
  private static final Map<String, String> COMPANIES_HOUSE_ONLY_PARENTS = Map.of(
      "74990", "74.90",
      "98000", "98",
      "99999", "");

  int load(Session session) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CSVRecord r : ReferenceCsv.readTabs("reference/sic/uk_sic_2007_hierarchy_openregister.tsv")) {
      String code = r.get("industrial-classification-2007");
      if (code.contains("/")) {
        continue;
      }
      String parent = r.get("parent").replace("industrial-classification-2007:", "");
      rows.add(Map.of("code", code, "name", r.get("name"), "level", levelOf(code), "parent", parent));
    }
    Map<String, String> chDescriptions = new HashMap<>();
    for (CSVRecord r : ReferenceCsv.read("reference/sic/companies_house_sic_descriptions.csv")) {
      chDescriptions.put(r.get("sic_code"), r.get("description"));
    }
    for (CSVRecord r : ReferenceCsv.read("reference/sic/uk_sic_2007_5digit_with_hierarchy.csv")) {
      String code = r.get("sic5");
      rows.add(Map.of("code", code, "name", chDescriptions.getOrDefault(code, r.get("description")),
          "onsName", r.get("description"), "level", "SUBCLASS", "parent", r.get("class_code")));
    }
    COMPANIES_HOUSE_ONLY_PARENTS.forEach((code, parent) -> rows.add(
        Map.of("code", code, "name", chDescriptions.get(code), "level", "SUBCLASS", "parent", parent,
            "companiesHouseOnly", true)));
    session.executeWrite(tx -> tx.run("""
        UNWIND $rows AS row
        MERGE (s:Sector {code: row.code})
        SET s.name = row.name, s.level = row.level, s.onsName = row.onsName,
            s.companiesHouseOnly = coalesce(row.companiesHouseOnly, false),
            s.source = $source, s.asOf = date('2007-01-01')
        """, Map.of("rows", rows, "source", SOURCE)).consume());
    session.executeWrite(tx -> tx.run("""
        UNWIND $rows AS row
        WITH row WHERE row.parent <> ''
        MATCH (s:Sector {code: row.code}), (p:Sector {code: row.parent})
        MERGE (s)-[r:PART_OF]->(p)
        SET r.source = $source, r.asOf = date('2007-01-01')
        """, Map.of("rows", rows, "source", SOURCE)).consume());
    return rows.size();
  }

  static String levelOf(String code) {
    if (code.matches("[A-U]")) {
      return "SECTION";
    }
    if (code.matches("\\d{2}")) {
      return "DIVISION";
    }
    if (code.matches("\\d{2}\\.\\d")) {
      return "GROUP";
    }
    if (code.matches("\\d{2}\\.\\d{2}")) {
      return "CLASS";
    }
    return "SUBCLASS";
  }
}
