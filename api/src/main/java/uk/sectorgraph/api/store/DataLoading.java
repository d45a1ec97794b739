package uk.sectorgraph.api.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.store.GraphStore;

/**
 * Loads the reference data (and the sample region) on first start. In the background by default, so
 * that the server answers while a fresh store is being filled; health reports OUT_OF_SERVICE until it
 * is done, which is what load balancers and scripts wait on. Restarts find the data there and skip it.
 */
public class DataLoading implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(DataLoading.class);

  enum State { LOADING, READY, FAILED }

  private final GraphStore store;
  private final boolean sample;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile State state = State.LOADING;
  private volatile String failure;

  DataLoading(GraphStore store, boolean sample) {
    this.store = store;
    this.sample = sample;
  }

  void start(boolean inBackground) {
    if (inBackground) {
      Thread.ofPlatform().name("sector-graph-data-loading").daemon().start(this::load);
    } else {
      load();
      if (state == State.FAILED) {
        throw new IllegalStateException("Loading reference data failed: " + failure);
      }
    }
  }

  private void load() {
    try {
      boolean loadedReference = ReferenceData.loadIfNeeded(store);
      boolean loadedSample = sample && SampleDataLoader.loadIfNeeded(store);
      if (AreaSectorAggregates.refreshIfStale(store)) {
        log.info("Per-area aggregates were out of date and have been refreshed");
      }
      if (loadedReference || loadedSample) {
        log.info("Reference{} data ready", loadedSample ? " and sample" : "");
      }
      state = State.READY;
    } catch (RuntimeException e) {
      failure = e.getMessage();
      state = State.FAILED;
      log.error("Loading reference data failed: {}", e.getMessage(), e);
    } finally {
      done.countDown();
    }
  }

  /** True once the reference (and sample) data are in the graph. */
  public boolean ready() {
    return state == State.READY;
  }

  /** For tests and tools that need the data: waits until loading has finished. */
  public boolean awaitLoaded(long timeout, TimeUnit unit) throws InterruptedException {
    return done.await(timeout, unit) && ready();
  }

  @Override
  public Health health() {
    return switch (state) {
      case READY -> Health.up().withDetail("referenceData", "loaded").withDetail("sampleData", sample).build();
      case LOADING -> Health.outOfService().withDetail("referenceData", "loading").build();
      case FAILED -> Health.down().withDetail("referenceData", "failed: " + failure).build();
    };
  }
}
