package uk.sectorgraph.importer.officers;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The Companies House REST API: HTTP Basic with the key as user name and an empty password, at most
 * 600 requests per five minutes (a token bucket waits rather than earning 429s), and a 429 that slips
 * through is retried after its Retry-After. The key is never logged or put in exception messages.
 */
public final class CompaniesHouseClient {

  public static final String DEFAULT_BASE_URL = "https://api.company-information.service.gov.uk";
  private static final int MAX_RETRIES = 5;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final String authorization;
  private final Bucket bucket;

  public CompaniesHouseClient(String baseUrl, String apiKey) {
    this(baseUrl, apiKey, Bandwidth.builder().capacity(600).refillGreedy(600, Duration.ofMinutes(5)).build());
  }

  CompaniesHouseClient(String baseUrl, String apiKey, Bandwidth limit) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    this.bucket = Bucket.builder().addLimit(limit).build();
  }

  /** The body of GET {@code path}, or empty on 404. */
  public Optional<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", authorization).header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30)).GET().build();
    for (int attempt = 0; ; attempt++) {
      bucket.asBlocking().consume(1);
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status == 200) {
        return Optional.of(response.body());
      }
      if (status == 404) {
        return Optional.empty();
      }
      if (status == 429 && attempt < MAX_RETRIES) {
        long seconds = response.headers().firstValue("Retry-After").map(CompaniesHouseClient::seconds).orElse(60L);
        Thread.sleep(Duration.ofSeconds(seconds));
        continue;
      }
      throw new IOException("Companies House API answered " + status + " for " + path
          + (status == 401 ? " (check the API key)" : ""));
    }
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(0, Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException e) {
      return 60;
    }
  }
}
