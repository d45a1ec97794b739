package uk.sectorgraph.api.reliability;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * N concurrent GraphQL clients on loopback for a bounded time: a mix of lookups, filtered pages,
 * searches, nested queries, aggregations, analyses and a share of writes. Prints throughput,
 * latency percentiles per kind, errors, and heap at start and end. Not part of the test run
 * (no timing assertions): {@code bin/test -pl api -Dtest=GraphQlLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dclients=16 -Dseconds=300}.
 */
class GraphQlLoadBenchmark {

  record Kind(String name, String query, boolean write) {}

  static final List<Kind> MIX = List.of(
      new Kind("lookup", "{ organisation(id: \"GB-COH-SG000001\") { id name status } }", false),
      new Kind("page", "{ organisations(where: {area: \"E37000034\", sector: \"20\"}, first: 20) { totalCount edges { node { id name } } } }", false),
      new Kind("search", "{ search(text: \"tees\", first: 10) { id name } }", false),
      new Kind("nested", "{ organisations(where: {area: \"E37000034\"}, first: 20) { edges { node { name localAuthority { name } sectors { sector { code } } suppliers { supplier { name } } } } } }", false),
      new Kind("lookup", "{ partnership(id: \"tees-valley-clean-industry\") { name members { role organisation { name } } } }", false),
      new Kind("aggregate", "{ sector(code: \"C\") { organisationCount children { code organisationCount } } }", false),
      new Kind("analysis", "{ partnershipGaps(partnershipId: \"tees-valley-clean-industry\") { gaps { kind severity } } }", false),
      new Kind("write", "mutation { addSupplierLink(input: {supplierId: \"GB-COH-SG000001\", customerId: \"GB-EDU-SAMPLE-TVU\", what: \"Load test\", valueGbp: 1}) { __typename } }", true));

  @Test
  void run() throws Exception {
    int clients = Integer.getInteger("clients", 16);
    Duration duration = Duration.ofSeconds(Long.getLong("seconds", 60));
    RunningServer server = RunningServer.get();
    for (Kind k : MIX) {
      server.graphql(k.query(), Map.of(), k.write());
    }
    System.gc();
    long heapStart = heapUsed();
    Map<String, Histogram> latency = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong serverErrors = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      pool.submit(() -> {
        long i = client;
        while (System.nanoTime() < end) {
          Kind kind = MIX.get((int) (i++ % MIX.size()));
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
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latency.computeIfAbsent(kind.name(), k -> new ConcurrentHistogram(3))
              .recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
          requests.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
    System.gc();
    long heapEnd = heapUsed();
    System.out.printf("%nGraphQL load: %d clients, %d s, %d requests, %.1f req/s, %d errors (%d 5xx)%n",
        clients, duration.toSeconds(), requests.get(), requests.get() / (double) duration.toSeconds(), errors.get(), serverErrors.get());
    System.out.printf("%-10s %8s %9s %9s %9s%n", "kind", "count", "p50 ms", "p95 ms", "p99 ms");
    latency.forEach((k, h) -> System.out.printf("%-10s %8d %9.1f %9.1f %9.1f%n", k, h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0));
    System.out.printf("heap used after GC: start %d MB, end %d MB%n", heapStart >> 20, heapEnd >> 20);
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
