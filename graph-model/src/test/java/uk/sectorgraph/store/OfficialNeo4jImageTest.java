package uk.sectorgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;
import org.testcontainers.utility.DockerImageName;
import uk.sectorgraph.reference.ReferenceData;

/**
 * External mode against the official Neo4j image. It runs where Docker can pull images; where it
 * cannot (no daemon, no registry) it is skipped within seconds, saying why.
 */
class OfficialNeo4jImageTest {

  private static final DockerImageName IMAGE = DockerImageName.parse("neo4j:2026.08.1-community");

  @Test
  void schemaAndReferenceDataLoadIntoTheOfficialImage() {
    assumeTrue(dockerCanRunTheImage(), "Docker cannot pull or run " + IMAGE + " here: skipped");
    try (Neo4jContainer neo4j = new Neo4jContainer(IMAGE).withAdminPassword("container-password")) {
      neo4j.start();
      StoreSettings settings = new StoreSettings(null, 0, "container-password", neo4j.getBoltUrl(), null, null, null);
      try (GraphStore store = GraphStore.open(settings)) {
        ReferenceData.loadIfNeeded(store);
        long leps = store.driver().executableQuery("MATCH (l:Lep) RETURN count(l) AS n").execute()
            .records().getFirst().get("n").asLong();
        assertThat(leps).isEqualTo(38);
      }
    }
  }

  private static boolean dockerCanRunTheImage() {
    CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
      try {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
          return false;
        }
        DockerClientFactory.instance().client().pullImageCmd(IMAGE.asCanonicalNameString())
            .start().awaitCompletion(60, TimeUnit.SECONDS);
        return true;
      } catch (Exception | Error e) {
        return false;
      }
    });
    try {
      return check.get(Duration.ofSeconds(75).toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      check.cancel(true);
      return false;
    }
  }
}
