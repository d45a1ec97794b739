package uk.sectorgraph.api.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * N concurrent GraphQL clients on loopback for a bounded time, then throughput, latency percentiles
 * per kind, errors (with one sample body per kind), and heap. Not part of the test run (no timing
 * assertions): {@code bin/test -pl api -Dtest=GraphQlLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dclients=1,16 -Dseconds=300 [-Dmix=simple|full] [-DsampleSeconds=30] [-Dbench.dataDir=...]}.
 *
 * <p>{@code mix=full} (default) adds a gap analysis and a share of writes to the simple queries;
 * {@code mix=simple} is the lookups, pages, searches, nested queries and aggregations the latency
 * targets are about. {@code sampleSeconds} prints heap after the latest GC while running (the soak).
 */
class GraphQlLoadBenchmark {

  record Kind(String name, String query, boolean write) {}

  static final List<Kind> SIMPLE = List.of(
      new Kind("lookup", "{ organisation(id: \"GB-COH-SG000001\") { id name status } }", false),
      new Kind("lookup", "{ organisation(id: \"GB-COH-90000123\") { id name status incorporatedOn } }", false),
      new Kind("page", "{ organisations(where: {area: \"E37000034\", sector: \"20\"}, first: 20) { totalCount edges { node { id name } } } }", false),
      new Kind("page", "{ organisations(where: {area: \"E06000001\", statusIn: [\"Active\"]}, first: 20, orderBy: [{field: NAME}]) { edges { node { id name } } pageInfo { hasNextPage } } }", false),
      new Kind("search", "{ search(text: \"tees\", first: 10) { id name } }", false),
      new Kind("search", "{ searchOrganisations(text: \"synthetic 000042\", first: 10) { score organisation { id name } } }", false),
      new Kind("nested", "{ organisations(where: {area: \"E37000034\"}, first: 20) { edges { node { name localAuthority { name } sectors { sector { code } } suppliers { supplier { name } } } } } }", false),
      new Kind("lookup", "{ partnership(id: \"tees-valley-clean-industry\") { name members { role organisation { name } } } }", false),
      new Kind("aggregate", "{ organisationAggregate(where: {area: \"E37000034\"}, groupBy: DIVISION) { key count } }", false),
      new Kind("aggregate", "{ sector(code: \"C\") { organisationCount children { code organisationCount } } }", false));

  static final List<Kind> FULL = java.util.stream.Stream.concat(SIMPLE.stream(), java.util.stream.Stream.of(
      new Kind("analysis", "{ partnershipGaps(partnershipId: \"tees-valley-clean-industry\") { gaps { kind severity } } }", false),
      new Kind("write", "mutation { addSupplierLink(input: {supplierId: \"GB-COH-SG000001\", customerId: \"GB-EDU-SAMPLE-TVU\", what: \"Load test\", valueGbp: 1}) { __typename } }", true)))
      .toList();

  @Test
  void run() throws Exception {
    // -Dclients=1,16 runs one phase per figure, one after the other, on the same server.
    for (String clients : System.getProperty("clients", "16").split(",")) {
      phase(Integer.parseInt(clients.strip()));
    }
  }

  private void phase(int clients) throws Exception {
    Duration duration = Duration.ofSeconds(Long.getLong("seconds", 60));
    List<Kind> mix = "simple".equals(System.getProperty("mix")) ? SIMPLE : FULL;
    long sampleSeconds = Long.getLong("sampleSeconds", 0);
    RunningServer server = RunningServer.get();
    for (int warm = 0; warm < 3; warm++) {
      for (Kind k : mix) {
        server.graphql(k.query(), Map.of(), k.write());
      }
    }
    System.gc();
    long heapStart = heapUsed();
    Map<String, Histogram> latency = new ConcurrentHashMap<>();
    Map<String, String> errorSamples = new ConcurrentHashMap<>();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong serverErrors = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      pool.submit(() -> {
        long i = client;
        while (System.nanoTime() < end) {
          Kind kind = mix.get((int) (i++ % mix.size()));
          if (kind.write() && i % 5 != 0) {
            continue; // writes are a small share of the mix
          }
          long started = System.nanoTime();
          try {
            HttpResponse<String> r = server.graphql(kind.query(), Map.of(), kind.write());
            if (r.statusCode() >= 500) {
              serverErrors.incrementAndGet();
            }
            if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
              errors.incrementAndGet();
              errorSamples.putIfAbsent(kind.name(), r.statusCode() + " " + r.body());
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            errorSamples.putIfAbsent(kind.name(), e.toString());
          }
          latency.computeIfAbsent(kind.name(), k -> new ConcurrentHistogram(3))
              .recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
          requests.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    while (!pool.awaitTermination(sampleSeconds > 0 ? sampleSeconds : duration.toSeconds() + 120, TimeUnit.SECONDS)) {
      if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(120)) {
        break;
      }
      System.out.printf(Locale.ROOT, "t=%4d s: %,d requests, %d errors, heap after latest GC %d MB%n",
          (System.nanoTime() - start) / 1_000_000_000, requests.get(), errors.get(), heapAfterLatestGc() >> 20);
    }
    System.gc();
    long heapEnd = heapUsed();
    System.out.printf(Locale.ROOT, "%nGraphQL load (%s mix): %d clients, %d s, %d requests, %.1f req/s, %d errors (%d 5xx)%n",
        mix == SIMPLE ? "simple" : "full", clients, duration.toSeconds(), requests.get(),
        requests.get() / (double) duration.toSeconds(), errors.get(), serverErrors.get());
    System.out.printf("%-10s %8s %9s %9s %9s%n", "kind", "count", "p50 ms", "p95 ms", "p99 ms");
    latency.forEach((k, h) -> System.out.printf(Locale.ROOT, "%-10s %8d %9.1f %9.1f %9.1f%n", k, h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0));
    System.out.printf("heap used after GC: start %d MB, end %d MB%n", heapStart >> 20, heapEnd >> 20);
    errorSamples.forEach((k, body) -> System.out.printf("first error (%s): %s%n", k, body.length() > 400 ? body.substring(0, 400) : body));
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Heap in use right after the latest collection of each pool: steady over a soak if nothing leaks. */
  private static long heapAfterLatestGc() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getCollectionUsage)
        .filter(java.util.Objects::nonNull)
        .mapToLong(MemoryUsage::getUsed)
        .sum();
  }
}
