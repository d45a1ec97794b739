package uk.sectorgraph.api.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser benchmark: loads a neighbourhood of about 2,000 nodes (all SIC sections with their
 * organisations, plus the sample LEP area) and prints time to first render and to a settled layout.
 * Not run by default (Surefire includes *Test); run with {@code mvn -pl api test -Dtest=ExplorerBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerBenchmark {

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) throws IOException {
    Path dataDir = Files.createTempDirectory("explorer-benchmark-data-");
    registry.add("sectorgraph.data-dir", dataDir::toString);
    registry.add("sectorgraph.bolt-port", () -> "0");
    registry.add("sectorgraph.load-data-in-background", () -> "false");
    registry.add("sectorgraph.neo4j.password", () -> "test-password-123");
  }

  @BeforeAll
  static void browserInstalled() {
    ExplorerBrowser.assumeInstalled();
  }

  @Value("${local.server.port}")
  int port;

  @Test
  @SuppressWarnings("unchecked")
  void twoThousandNodeNeighbourhood() throws Exception {
    measure("http://127.0.0.1:" + port + "/");
  }

  @SuppressWarnings("unchecked")
  static void measure(String base) throws Exception {
    try (ExplorerBrowser b = new ExplorerBrowser("explorer-benchmark")) {
      b.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(10));
      b.driver.get(base);
      b.settle();
      // The sample store is small (1,787 organisations, 286 of them in the Tees Valley LEP area), so the
      // ~2,000-node neighbourhood is every SIC section with its divisions and organisations, plus the LEP's places.
      // Started in the page and polled, so a slow layout does not hit the WebDriver command timeout.
      b.js("""
          const sections = 'ABCDEFGHIJKLMNOPQRSTU'.split('').map(c => ({id: 'sector:' + c, type: 'Sector', ref: c, label: c, kind: 'SECTOR'}));
          const lep = {id: 'lep:E37000034', type: 'Lep', ref: 'E37000034', label: 'Tees Valley', kind: 'LEP_AREA'};
          window.explorer.expandMany([...sections, lep], ['sector', 'place'])
            .then(r => { window.benchResult = r; }, e => { window.benchResult = {error: String(e)}; });""");
      Map<String, Object> r = (Map<String, Object>) b.waitUpTo(900).until(d -> b.js("return window.benchResult || null"));
      if (r.containsKey("error")) throw new AssertionError(r.get("error"));
      b.screenshot("neighbourhood");
      System.out.printf("%nExplorer benchmark: %s nodes, %s relationships%n", r.get("nodes"), r.get("edges"));
      System.out.printf("  data loaded (GraphQL pages)   %8.0f ms%n", ((Number) r.get("loaded")).doubleValue());
      System.out.printf("  time to first render          %8.0f ms%n", ((Number) r.get("firstRender")).doubleValue());
      System.out.printf("  time to settled layout       %8.0f ms%n", ((Number) r.get("settled")).doubleValue());
      for (String layout : new String[] {"concentric", "breadthfirst"}) {
        double ms = ((Number) b.js("""
            const cy = window.explorer.cy; const t0 = performance.now();
            const l = cy.elements(':visible').layout({name: arguments[0], animate: false, fit: true,
              numIter: 150, concentric: n => n.degree(), levelWidth: () => 2});
            l.run(); return performance.now() - t0;""", layout)).doubleValue();
        System.out.printf("  re-layout %-19s %8.0f ms%n", layout, ms);
      }
      long t0 = System.nanoTime();
      b.byId("export-png").click();
      b.download("sector-graph.png", 300);
      System.out.printf("  PNG export                    %8.0f ms%n", (System.nanoTime() - t0) / 1e6);
    }
  }
}
