package uk.sectorgraph.model.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.TestGraph;

class AreaSectorAggregatesTest {

  static GraphStore store;

  @BeforeAll
  static void sample() {
    store = TestGraph.store();
    ReferenceData.loadIfNeeded(store);
    SampleDataLoader.loadIfNeeded(store);
  }

  static String version() {
    try (var session = store.session()) {
      return session.run("MATCH (d:Dataset {name: $name}) RETURN d.version AS v",
          Map.of("name", AreaSectorAggregates.DATASET)).single().get("v").asString();
    }
  }

  @Test
  void anImportThatChangedNothingSkipsTheRefreshButOneKilledBeforeItsRefreshIsRefreshedNextTime() {
    AreaSectorAggregates.refresh(store);
    String refreshed = version();

    boolean pending = AreaSectorAggregates.beginChanges(store);
    assertThat(pending).isFalse();
    assertThat(AreaSectorAggregates.refreshAfterImport(store, pending, false)).isFalse();
    assertThat(version()).isEqualTo(refreshed);
    assertThat(AreaSectorAggregates.refreshIfStale(store)).as("nothing pending").isFalse();

    AreaSectorAggregates.beginChanges(store); // an import that is killed before it finishes

    assertThat(AreaSectorAggregates.beginChanges(store)).as("the next import sees the earlier changes pending").isTrue();
    assertThat(AreaSectorAggregates.refreshAfterImport(store, true, false)).isTrue();
    assertThat(version()).isNotEqualTo(refreshed);
    String again = version();

    AreaSectorAggregates.beginChanges(store); // killed again: a server start refreshes
    assertThat(AreaSectorAggregates.refreshIfStale(store)).isTrue();
    assertThat(version()).isNotEqualTo(again);
    assertThat(AreaSectorAggregates.beginChanges(store)).isFalse();
    assertThat(AreaSectorAggregates.refreshAfterImport(store, false, true)).as("this import changed something").isTrue();
  }
}
