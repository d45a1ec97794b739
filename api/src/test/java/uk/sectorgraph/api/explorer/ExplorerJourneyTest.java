package uk.sectorgraph.api.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The explorer end to end in a real browser against the real server on the sample region:
 * search, expand, filter, details, impact scenario, partnership gaps, exports and the shared link.
 * Screenshots of each step go to target/explorer-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerJourneyTest {

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) throws IOException {
    Path dataDir = Files.createTempDirectory("explorer-journey-data-");
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
  void analystJourney() throws Exception {
    journey("http://127.0.0.1:" + port + "/");
  }

  /** The journey against any running server (base ends with a slash). */
  static void journey(String base) throws Exception {
    String queryFields = post(base + "graphql", "{\"query\":\"{ __type(name: \\\"Query\\\") { fields { name } } }\"}");
    try (ExplorerBrowser b = new ExplorerBrowser("explorer-screenshots")) {
      b.driver.get(base);
      b.settle();
      assertThat(b.driver.getTitle()).contains("Sector Graph");
      b.screenshot("start");

      // 0. Answers given while the server still fills a fresh store carry extensions.dataLoading (as
      //    the server sends it then); the explorer shows it until an answer comes without it.
      WebElement search = b.byId("search-input");
      b.driver.executeScript("""
          window.realFetch = window.fetch;
          window.fetch = async (...args) => {
            const r = await window.realFetch(...args);
            const body = await r.clone().json().catch(() => null);
            if (!body) return r;
            body.extensions = Object.assign({}, body.extensions, {dataLoading: 'Reference and sample data are still loading.'});
            return new Response(JSON.stringify(body), {status: r.status, headers: r.headers});
          };""");
      search.sendKeys("Tees");
      b.waitUpTo(30).until(d -> b.byId("data-loading").isDisplayed());
      assertThat(b.byId("data-loading").getText()).contains("still loading");
      b.screenshot("data-loading");
      b.driver.executeScript("window.fetch = window.realFetch;");
      search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      // the "Tees" hits go once the emptied box is searched (debounced): only then look for new hits
      b.waitUpTo(30).until(d -> d.findElements(By.cssSelector("#search-results li[role=option]")).isEmpty());

      // 1. Search with the keyboard: type, arrow to the hit, Enter.
      search.sendKeys("Seal Sands Chemicals");
      b.waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#search-results li[role=option]")).isEmpty());
      for (int i = 0; i < 12 && !activeHit(b).contains("Seal Sands Chemicals"); i++) {
        search.sendKeys(Keys.ARROW_DOWN);
      }
      assertThat(activeHit(b)).contains("Seal Sands Chemicals Ltd (sample)");
      search.sendKeys(Keys.ENTER);
      b.waitUpTo(30).until(d -> b.byId("details-name").getText().contains("Seal Sands Chemicals"));
      String seal = b.visibleNodeIds().getFirst();
      assertThat(b.visibleNodeIds()).containsExactly(seal);
      assertThat(b.byId("sample-tag").isDisplayed()).isTrue();
      assertThat(b.byId("data-loading").isDisplayed()).as("answers without the notice hide it").isFalse();
      b.screenshot("search");

      // 2. Expand every relationship type.
      b.byId("expand-all").click();
      b.waitUpTo(60).until(d -> b.visibleNodeIds().size() > 3);
      b.settle();
      List<String> expanded = b.visibleNodeIds();
      assertThat(expanded).anyMatch(id -> id.startsWith("sector:")).anyMatch(id -> id.startsWith("la:"));
      assertThat(expanded.stream().filter(id -> id.startsWith("GB-")).count()).isGreaterThan(1);
      b.screenshot("expanded");

      // 3. Filter: hide sectors and places by node type.
      b.driver.findElement(By.cssSelector("input[name=nodeType][value=Sector]")).click();
      b.driver.findElement(By.cssSelector("input[name=nodeType][value=LocalAuthority]")).click();
      b.waitUpTo(30).until(d -> b.visibleNodeIds().stream().noneMatch(id -> id.startsWith("sector:") || id.startsWith("la:")));
      b.settle();
      List<String> filtered = b.visibleNodeIds();
      assertThat(filtered).hasSizeLessThan(expanded.size()).contains(seal);
      assertThat(b.byId("filter-summary").getText()).contains("hidden by filters");
      b.screenshot("filtered");

      // 4. Details of another organisation, opened from the keyboard-accessible node list.
      b.driver.findElement(By.cssSelector("#node-list-box summary")).click();
      String other = filtered.stream().filter(id -> id.startsWith("GB-") && !id.equals(seal)).findFirst().orElseThrow();
      b.driver.findElement(By.cssSelector("#node-list button[data-id='" + other + "']")).click();
      b.waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#details-body dl")).isEmpty());
      String details = b.byId("details-body").getText();
      assertThat(details).contains("Identifier").contains(other).contains("Local authority");
      if (other.startsWith("GB-COH-")) {
        // Real companies link to the register; the synthetic sample companies say they have no page there.
        List<WebElement> link = b.driver.findElements(By.id("ch-link"));
        if (link.isEmpty()) {
          assertThat(b.byId("ch-none").getText()).contains("sample data");
        } else {
          assertThat(link.getFirst().getAttribute("href")).contains("company-information.service.gov.uk");
        }
      }
      b.screenshot("details");

      // 5. Impact scenario. If the server's schema has no supplyChainImpact yet (it is being added in parallel),
      //    the panel must say so instead of failing.
      b.driver.findElement(By.cssSelector("#impact-box summary")).click();
      new Select(b.byId("impact-partnership")).selectByValue("tees-valley-clean-industry");
      b.byId("impact-run").click();
      b.waitUpTo(60).until(d -> !d.findElements(By.cssSelector("#impact-result [data-unavailable], #impact-ranked li, #impact-result .sg-error")).isEmpty());
      b.settle();
      assertThat(queryFields).contains("\"supplyChainImpact\"");
      assertThat(b.driver.findElements(By.cssSelector("#impact-ranked li"))).isNotEmpty();
      assertThat(b.byId("impact-ranked").getText()).startsWith("Seal Sands Chemicals Ltd (sample)");
      assertThat((Long) b.js("return window.explorer.cy.nodes('.gainer').length")).isPositive();
      b.screenshot("impact");

      // 6. Partnership gaps (same graceful rule while partnershipGaps is not deployed).
      b.driver.findElement(By.cssSelector("#gaps-box summary")).click();
      new Select(b.byId("gaps-partnership")).selectByValue("tees-valley-clean-industry");
      b.byId("gaps-run").click();
      b.waitUpTo(60).until(d -> !d.findElements(By.cssSelector("#gaps-result [data-unavailable], #gaps-result .sg-gap, #gaps-result p")).isEmpty()
          && !b.byId("gaps-result").getText().startsWith("Looking"));
      b.settle();
      assertThat(queryFields).contains("\"partnershipGaps\"");
      assertThat(b.byId("gaps-result").getText()).contains("gap(s)").contains("Hartlepool");
      assertThat((Long) b.js("return window.explorer.cy.nodes('.gap').length")).isPositive();
      b.screenshot("gaps");

      // 7. Exports: a PNG of the picture and the visible nodes and relationships as CSV.
      List<String> visible = b.visibleNodeIds();
      b.byId("export-png").click();
      byte[] png = Files.readAllBytes(b.download("sector-graph.png"));
      assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 0x0D, (byte) 0x0A, (byte) 0x1A, (byte) 0x0A);
      b.byId("export-nodes-csv").click();
      List<String> nodesCsv = Files.readAllLines(b.download("sector-graph-nodes.csv"), StandardCharsets.UTF_8);
      assertThat(nodesCsv.getFirst()).startsWith("id,type,kind,name,status");
      assertThat(nodesCsv).hasSize(visible.size() + 1);
      assertThat(nodesCsv.subList(1, nodesCsv.size())).anyMatch(line -> line.startsWith(seal + ",Organisation,"));
      b.byId("export-edges-csv").click();
      List<String> edgesCsv = Files.readAllLines(b.download("sector-graph-relationships.csv"), StandardCharsets.UTF_8);
      assertThat(edgesCsv.getFirst()).isEqualTo("source,target,relationship,source_name,target_name,detail");
      assertThat(edgesCsv.size()).isGreaterThan(1);
      b.screenshot("exported");

      // 8. The shared link reopens the same picture.
      b.byId("share-button").click();
      b.waitUpTo(10).until(d -> d.getCurrentUrl().contains("#s="));
      Thread.sleep(500); // let the debounced hash catch the last change
      b.js("return window.explorer.hashWritten = 0");
      b.byId("share-button").click();
      b.waitUpTo(10).until(d -> ((Number) b.js("return window.explorer.hashWritten || 0")).longValue() > 0);
      String shared = b.driver.getCurrentUrl();
      List<String> before = b.visibleNodeIds();
      assertThat(b.pageErrors()).as("errors on the first page").isEmpty();
      assertThat(b.consoleErrors()).as("console errors on the first page").isEmpty();

      b.driver.get("about:blank");
      b.driver.get(shared);
      b.settle();
      b.waitUpTo(30).until(d -> b.visibleNodeIds().size() == before.size());
      assertThat(b.visibleNodeIds()).isEqualTo(before);
      b.screenshot("reopened");

      assertThat(b.pageErrors()).as("JavaScript errors").isEmpty();
      assertThat(b.consoleErrors()).as("console errors").isEmpty();
    }
  }

  private static String activeHit(ExplorerBrowser b) {
    for (int attempt = 0; ; attempt++) {
      List<WebElement> active = b.driver.findElements(By.cssSelector("#search-results li[aria-selected=true]"));
      try {
        return active.isEmpty() ? "" : active.getFirst().getText();
      } catch (StaleElementReferenceException rerendered) {
        if (attempt == 5) {
          throw rerendered;
        }
        // the list was redrawn by a later answer between finding the hit and reading it: find it again
      }
    }
  }

  private static String post(String url, String body) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
