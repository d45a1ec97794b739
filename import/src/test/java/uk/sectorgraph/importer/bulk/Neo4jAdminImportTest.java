package uk.sectorgraph.importer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;

/** Neo4j's bulk importer, run in-process into an embedded store's home, and read back through the driver. */
class Neo4jAdminImportTest {

  @TempDir
  Path dir;

  @Test
  void importsTypedValuesThatTheDriverReadsBackAsCypherWouldHaveWrittenThem() {
    Path nodes = dir.resolve("things.csv");
    try (AdminImportCsv csv = new AdminImportCsv(nodes, "id:ID(Thing)", ":LABEL", "name", "on:date", "names:string[]", "n:long")) {
      csv.write("T1", "Thing", "Quote \" and, comma", LocalDate.of(2020, 1, 31), List.of("A; B", "C | D"), 7L);
      csv.write("T2", "Thing", "", null, List.of(), null);
    }
    Path other = dir.resolve("others.csv");
    try (AdminImportCsv csv = new AdminImportCsv(other, "code:ID(Other)", ":LABEL")) {
      csv.write("X", "Other");
    }
    Path links = dir.resolve("links.csv");
    try (AdminImportCsv csv = new AdminImportCsv(links, ":START_ID(Thing)", ":END_ID(Other)", ":TYPE", "primary:boolean")) {
      csv.write("T1", "X", "LINKS", true);
    }
    Path data = dir.resolve("data");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // relative, as `--data-dir data` gives it: Neo4j itself accepts only an absolute home
    Path relativeHome = Path.of("").toAbsolutePath().relativize(data.resolve("neo4j"));
    Neo4jAdminImport.run(new Neo4jAdminImport.Request(relativeHome, "neo4j", List.of(nodes, other), List.of(links),
        dir.resolve("import.report"), "256m"), new PrintStream(log), new PrintStream(log));

    try (GraphStore store = GraphStore.open(new StoreSettings(data, 0, "admin-import-test", null, null, null, "64m"));
         Session session = store.session()) {
      Record t1 = session.run("MATCH (t:Thing {id: 'T1'})-[l:LINKS]->(o:Other {code: 'X'}) RETURN t, l.primary AS primary").single();
      Map<String, Object> t = t1.get("t").asMap();
      assertThat(t).containsEntry("name", "Quote \" and, comma").containsEntry("on", LocalDate.of(2020, 1, 31))
          .containsEntry("n", 7L);
      assertThat(t1.get("t").get("names").asList()).containsExactly("A; B", "C | D");
      assertThat(t1.get("primary").asBoolean()).isTrue();
      // quoted "" is an empty string; null and an empty list are no property at all
      Map<String, Object> t2 = session.run("MATCH (t:Thing {id: 'T2'}) RETURN t").single().get("t").asMap();
      assertThat(t2).isEqualTo(Map.of("id", "T2", "name", ""));
    }
  }

  @Test
  void saysWhichValuesCannotBeWrittenOnOneLine() {
    assertThat(AdminImportCsv.representable("A \"quoted\", comma; name")).isTrue();
    assertThat(AdminImportCsv.representable("two\nlines")).isFalse();
    assertThat(AdminImportCsv.representable("carriage\rreturn")).isFalse();
    assertThat(AdminImportCsv.representable(List.of("ok", "has" + AdminImportCsv.ARRAY_DELIMITER + "delimiter"))).isFalse();
    assertThat(AdminImportCsv.representable(null)).isTrue();
  }

  @Test
  void aFailedImportSaysSoAndPointsAtTheReport() {
    Path nodes = dir.resolve("dangling.csv");
    try (AdminImportCsv csv = new AdminImportCsv(nodes, "id:ID(Thing)", ":LABEL")) {
      csv.write("T1", "Thing");
    }
    Path links = dir.resolve("links.csv");
    try (AdminImportCsv csv = new AdminImportCsv(links, ":START_ID(Thing)", ":END_ID(Thing)", ":TYPE")) {
      csv.write("T1", "NOWHERE", "LINKS");
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    assertThatThrownBy(() -> Neo4jAdminImport.run(new Neo4jAdminImport.Request(dir.resolve("data/neo4j"), "neo4j",
        List.of(nodes), List.of(links), dir.resolve("import.report"), "256m"), new PrintStream(log), new PrintStream(log)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("import.report");
  }
}
