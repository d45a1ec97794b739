package uk.sectorgraph.importer.supplylinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.testing.GraphCleanup;

class SupplyLinksImportTest {

  private static final String SOURCE = "test-supply-links";
  private static final Path EXAMPLE = Path.of("src/test/resources/supplylinks/supply_links_example.csv");
  @TempDir Path temp;

  @BeforeEach
  void organisations() {
    GraphCleanup.run("UNWIND ['GB-COH-TEST0001', 'GB-COH-TEST0002', 'GB-COH-TEST0003'] AS id "
        + "MERGE (o:Organisation {id: id}) SET o.kind = 'COMPANY', o.source = $s", Map.of("s", SOURCE));
  }

  @AfterEach
  void cleanUp() {
    GraphCleanup.deleteSource(SOURCE);
  }

  private ImportSummary importFile(Path file, RejectsFile rejects) {
    return new SupplyLinksImport(GraphCleanup.store())
        .run(List.of(file), new SupplyLinksImport.Options(SOURCE, LocalDate.of(2025, 1, 1), 100), rejects);
  }

  @Test
  void linksKnownOrganisationsAndRejectsUnknownIdsAndBadValuesByName() throws Exception {
    try (RejectsFile rejects = RejectsFile.in(temp, "supply-links")) {
      ImportSummary summary = importFile(EXAMPLE, rejects);
      assertThat(summary.read()).isEqualTo(4);
      assertThat(summary.created()).isEqualTo(2);
      assertThat(summary.rejected()).isEqualTo(2);
      String written = Files.readString(rejects.path().orElseThrow());
      assertThat(written).contains("unknown organisation: customer_id GB-COH-99999999").contains("value_gbp 'lots'");
    }
    assertThat(GraphCleanup.count("MATCH (:Organisation {id: 'GB-COH-TEST0001'})-[r:SUPPLIES {what: 'ammonia'}]->"
        + "(:Organisation {id: 'GB-COH-TEST0002'}) WHERE r.valueGbp = 1250000.0 AND r.evidence STARTS WITH 'annual' RETURN count(r)",
        Map.of())).isEqualTo(1);
    try (RejectsFile rejects = RejectsFile.in(temp.resolve("again"), "supply-links")) {
      ImportSummary again = importFile(EXAMPLE, rejects);
      assertThat(again.created()).isZero();
      assertThat(again.updated()).isZero();
      assertThat(again.unchanged()).isEqualTo(2);
    }
  }

  @Test
  void aFileWithoutTheColumnsFailsBeforeWriting() throws Exception {
    Path wrong = temp.resolve("wrong.csv");
    Files.writeString(wrong, "from,to\nA,B\n");
    try (RejectsFile rejects = RejectsFile.in(temp, "supply-links")) {
      assertThatThrownBy(() -> importFile(wrong, rejects)).isInstanceOf(BadFileException.class)
          .hasMessageContaining("supplier_id");
    }
  }
}
