package uk.sectorgraph.api.protocol;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated queries, kept by their text. Dashboards, scripts and the explorer send the same
 * few queries again and again with different variables, and parsing and validating a query cost about a
 * tenth of a lookup's CPU. A query that fails to parse or validate is kept with its errors, which are
 * the same every time.
 *
 * <p>Limits still hold for every request: depth and complexity are checked when an operation begins,
 * after this cache, against the request's own variables. The cache is bounded by the total length of
 * the queries it holds (an entry's syntax tree is some tens of times its text), so a client sending
 * endless distinct queries only evicts others.
 */
@Component
public class ParsedDocumentCache implements PreparsedDocumentProvider {

  static final long MAX_QUERY_CHARS = 2_000_000;

  private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
      .maximumWeight(MAX_QUERY_CHARS)
      .weigher((String query, PreparsedDocumentEntry entry) -> query.length())
      .recordStats()
      .build();

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return CompletableFuture.completedFuture(documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
  }

  /** Requests answered from the cache since start (for tests and diagnostics). */
  public long hits() {
    return documents.stats().hitCount();
  }
}
