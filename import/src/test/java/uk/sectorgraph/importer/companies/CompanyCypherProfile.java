package uk.sectorgraph.importer.companies;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.summary.ProfiledPlan;
import uk.sectorgraph.importer.GraphFixtures;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.bench.SyntheticData;

/**
 * Manual profiling aid, not part of the default test run (the name does not end in Test): PROFILEs
 * {@link CompanyCypher#CREATE} on 2,000 synthetic rows and times the unchanged path of {@link CompanyBatch}.
 * {@code mvn -pl import test -Dtest=CompanyCypherProfile -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CompanyCypherProfile {

  @TempDir
  Path dir;

  @Test
  void profile() throws IOException {
    Path file = dir.resolve("c.csv");
    SyntheticData.writeCompanies(file, 2000, 1);
    Path pc = dir.resolve("p.csv");
    SyntheticData.writePostcodes(pc);
    GraphFixtures.run("UNWIND $c AS c MERGE (s:Sector {code: c}) SET s.source='import-test'",
        Map.of("c", List.of("62020","70229","68209","96090","82990","41100","43390","47910","56101","86900","49410","99999","64209","74909","25620","20140","10710","29320","71129","72190","85590","93130","45112","01110")));
    List<String> lines = Files.readAllLines(pc);
    List<Map<String, Object>> pcs = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.replace("\"", "").split(",");
      pcs.add(Map.of("code", f[0], "la", f[1]));
    }
    GraphFixtures.run("UNWIND $p AS p MERGE (pc:Postcode {code: p.code}) SET pc.laCode = p.la, pc.source='import-test'"
        + " MERGE (la:LocalAuthority {code: p.la}) SET la.source='import-test'", Map.of("p", pcs));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file)) {
      CsvTable t = CsvTable.open("c", r);
      Set<String> codes = Set.of("62020","70229","68209","96090","82990","41100","43390","47910","56101","86900","49410","99999","64209","74909","25620","20140","10710","29320","71129","72190","85590","93130","45112","01110");
      CompanyRowParser p = new CompanyRowParser(BasicCompanyDataColumns.of(t), codes, "companies-house-basic-2025-01", LocalDate.of(2025, 1, 1));
      for (CsvTable.Row row : t) {
        CompanyRow cr = ((CompanyRowParser.Accepted) p.parse(row)).row();
        rows.add(cr.toParameters());
        ids.add(cr.id());
      }
    }
    try (var s = GraphFixtures.driver().session()) {
      s.run("EXPLAIN " + CompanyCypher.CREATE, Map.of("rows", rows)).consume();
      long t0 = System.nanoTime();
      var summary = s.run("PROFILE " + CompanyCypher.CREATE, Map.of("rows", rows)).consume();
      System.out.printf("=== CREATE: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      print(summary.profile(), 0);
    }
    for (String label : List.of("unchanged1", "unchanged2")) {
      try (var s = GraphFixtures.driver().session()) {
        long t0 = System.nanoTime();
        var c = s.executeWrite(tx -> new CompanyBatch().write(tx, rows));
        System.out.printf("=== %s: %d ms %s%n", label, (System.nanoTime() - t0) / 1_000_000, c);
      }
    }
    GraphFixtures.cleanUp(ids);
  }

  static void print(ProfiledPlan p, int depth) {
    System.out.printf("%s%s rows=%d dbHits=%d %s%n", "  ".repeat(depth), p.operatorType(), p.records(), p.dbHits(),
        p.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL).toString().replace("\n", " "));
    for (ProfiledPlan c : p.children()) {
      print(c, depth + 1);
    }
  }
}
