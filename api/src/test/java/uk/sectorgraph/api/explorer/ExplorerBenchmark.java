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
 * Browser benchmark: loads a neighbourhood of about 2,000 nodes (the sample LEP area's organisations,
 * then the largest sector's) and prints time to first render and to a settled layout.
 * Not run by default (Surefire includes *Test); run with {@code mvn -pl api test -Dtest=ExplorerBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerBenchmark {

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) throws IOException {
    Path dataDir = Files.createTempDirectory("explorer-benchmark-data-");
    registry.add("sectorgraph.data-dir", dataDir::toString);
    registry.add("sectorgraph.bolt-port", () -> "0");
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
    try (ExplorerBrowser b = new ExplorerBrowser("explorer-benchmark")) {
      b.driver.get("http://127.0.0.1:" + port + "/");
      b.settle();
      // Warm-up (JIT, page cache): expand one local authority and clear.
      run(b, "la:E06000004", "LocalAuthority", "Stockton-on-Tees", "place");
      b.byId("clear-button").click();

      Map<String, Object> place = run(b, "lep:E37000034", "Lep", "Tees Valley", "place");
      long nodes = (Long) b.js("return window.explorer.cy.nodes().length");
      long edges = (Long) b.js("return window.explorer.cy.edges().length");
      b.screenshot("neighbourhood");
      System.out.printf("%nExplorer benchmark: LEP neighbourhood %d nodes, %d relationships%n", nodes, edges);
      System.out.printf("  data loaded (GraphQL pages)   %8.0f ms%n", place.get("loaded"));
      System.out.printf("  time to first render          %8.0f ms%n", place.get("firstRender"));
      System.out.printf("  time to settled layout (cose) %8.0f ms%n", place.get("settled"));
      for (String layout : new String[] {"concentric", "breadthfirst", "cose"}) {
        double ms = ((Number) b.js("""
            const cy = window.explorer.cy; const t0 = performance.now();
            const l = cy.elements(':visible').layout({name: arguments[0], animate: false, fit: true,
              numIter: 150, concentric: n => n.degree(), levelWidth: () => 2});
            l.run(); return performance.now() - t0;""", layout)).doubleValue();
        System.out.printf("  re-layout %-19s %8.0f ms%n", layout, ms);
      }
      long t0 = System.nanoTime();
      b.byId("export-png").click();
      b.download("sector-graph.png");
      System.out.printf("  PNG export                    %8.0f ms%n", (System.nanoTime() - t0) / 1e6);
    }
  }

  /** Adds a node through the page's own code, expands it and times the three phases in the browser. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(ExplorerBrowser b, String id, String type, String label, String group) {
    return (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
        const [id, type, label, group, done] = arguments;
        const ex = window.explorer, cy = ex.cy;
        cy.add({group: 'nodes', data: {id, type, ref: id.substring(id.indexOf(':') + 1), label, kind: 'LEP_AREA', size: 26},
                position: {x: cy.width() / 2, y: cy.height() / 2}});
        const t0 = performance.now();
        let loaded = 0, firstRender = 0;
        cy.one('add', () => { loaded = performance.now() - t0; });
        ex.timings.layoutStop = 0;
        ex.expand(id, [group]).then(() => {
          requestAnimationFrame(() => {
            firstRender = (ex.timings.expandRendered || performance.now()) - t0;
            const wait = () => ex.timings.layoutStop
              ? done({loaded, firstRender, settled: ex.timings.layoutStop - t0})
              : setTimeout(wait, 50);
            wait();
          });
        });""", id, type, label, group);
  }
}
