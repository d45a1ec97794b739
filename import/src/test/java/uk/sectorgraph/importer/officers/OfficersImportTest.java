package uk.sectorgraph.importer.officers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.bucket4j.Bandwidth;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sectorgraph.importer.GraphFixtures;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.testing.GraphCleanup;

class OfficersImportTest {

  private static final String SOURCE = "test-officers";
  private static final Path DIR = Path.of("src/test/resources/officers");
  private static final OfficersImport.Options OPTIONS = new OfficersImport.Options(SOURCE, LocalDate.of(2026, 7, 1));
  @TempDir Path temp;

  @AfterEach
  void cleanUp() {
    GraphCleanup.deleteSource(SOURCE);
    GraphFixtures.cleanUp(List.of());
  }

  @Test
  void savedProfilesAndOfficerListsImportAndReimportChangesNothing() throws Exception {
    List<Path> files;
    try (var list = Files.list(DIR)) {
      files = list.sorted().toList();
    }
    // Tesco is already located (as the companies import would have left it): its sector from the profile
    // must reach its district-sector keys.
    GraphFixtures.sectors("47110");
    GraphFixtures.localAuthority("E07000241");
    GraphCleanup.run("MERGE (la:LocalAuthority {code: 'E07000241'}) MERGE (o:Organisation {id: 'GB-COH-00445790'}) "
        + "MERGE (o)-[:LOCATED_IN]->(la)", Map.of());
    try (RejectsFile rejects = RejectsFile.in(temp, "officers")) {
      ImportSummary first = new OfficersImport(GraphCleanup.store()).run(files, OPTIONS, rejects);
      assertThat(first.read()).isEqualTo(3 + 2 + 1);
      assertThat(first.rejected()).isZero();
      ImportSummary second = new OfficersImport(GraphCleanup.store()).run(files, OPTIONS, rejects);
      assertThat(second.created()).isZero();
      assertThat(second.updated()).isZero();
    }
    assertThat(GraphCleanup.count("MATCH (o:Organisation {id: 'GB-COH-00445790', name: 'TESCO PLC', status: 'Active', "
        + "postcode: 'AL7 1GA'}) WHERE size(o.previousNames) = 2 AND o.incorporatedOn = date('1947-11-27') RETURN count(o)",
        Map.of())).isEqualTo(1);
    assertThat(GraphCleanup.count("MATCH (:Person {id: 'aqrS_F-2zIvSaMNtl1opqDV4-w0', birthYear: 1974})-[r:OFFICER_OF {role: 'director'}]->"
        + "(:Organisation {id: 'GB-COH-00445790'}) WHERE r.appointedOn = date('2018-09-24') RETURN count(r)", Map.of())).isEqualTo(1);
    // The corporate secretary is itself a UK company (registration number 3849195): linked to its node.
    assertThat(GraphCleanup.count("MATCH (p:Person {kind: 'CORPORATE', name: 'INFORMA COSEC LIMITED'})-[:OFFICER_OF {role: 'corporate-secretary'}]->"
        + "(:Organisation {id: 'GB-COH-03610056'}) MATCH (p)-[:REGISTERED_AS]->(o:Organisation {id: 'GB-COH-03849195', companyNumber: '03849195'}) "
        + "RETURN count(o)", Map.of())).isEqualTo(1);
    assertThat(GraphCleanup.count("MATCH (:Person {kind: 'INDIVIDUAL'})-[r:REGISTERED_AS]->() RETURN count(r)", Map.of())).isZero();
    assertThat(GraphCleanup.count("MATCH (o:Organisation {id: 'GB-COH-00445790'}) WHERE 'E07000241/47110' IN o.districtSectors "
        + "RETURN count(o)", Map.of())).isEqualTo(1);
    GraphFixtures.assertDistrictSectorKeysCurrent(List.of("GB-COH-00445790", "GB-COH-03610056", "GB-COH-03849195"));
  }

  @Test
  void liveModeSendsBasicAuthAndRetriesA429() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> authHeaders = new CopyOnWriteArrayList<>();
    AtomicInteger profileCalls = new AtomicInteger();
    server.createContext("/company/00445790", exchange -> {
      authHeaders.add(exchange.getRequestHeaders().getFirst("Authorization"));
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      if (path.endsWith("/officers")) {
        body = Files.readAllBytes(DIR.resolve("officers_list_00445790_tesco_plc_partial.json"));
      } else if (profileCalls.getAndIncrement() == 0) {
        exchange.getResponseHeaders().add("Retry-After", "1");
        exchange.sendResponseHeaders(429, -1);
        exchange.close();
        return;
      } else {
        body = Files.readAllBytes(DIR.resolve("company_profile_00445790_tesco_plc.json"));
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (RejectsFile rejects = RejectsFile.in(temp, "officers")) {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      CompaniesHouseClient client = new CompaniesHouseClient(base, "test-key",
          Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofSeconds(1)).build());
      ImportSummary summary = new OfficersImport(GraphCleanup.store()).fetch(client, List.of("445790"), OPTIONS, rejects);
      assertThat(summary.read()).isEqualTo(3);
      assertThat(summary.rejected()).isZero();
    } finally {
      server.stop(0);
    }
    assertThat(profileCalls.get()).isEqualTo(2);
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("test-key:".getBytes(StandardCharsets.UTF_8));
    assertThat(authHeaders).isNotEmpty().allMatch(expected::equals);
  }
}
