package uk.sectorgraph.api.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * While a fresh store is being filled (the first start), the server already answers, and a query can
 * see part of the reference or sample data: a count of 0 that will be 99 a few seconds later. Every
 * GraphQL response of that time says so in its {@code extensions.dataLoading}, so that an analyst (or
 * the explorer) does not take a partial answer for the whole.
 */
@Component
public class DataLoadingNotice implements WebGraphQlInterceptor {

  public static final String EXTENSION = "dataLoading";
  static final String MESSAGE = "Reference and sample data are still loading (first start): this answer may be"
      + " incomplete. /actuator/health reports UP when loading is done.";

  private final DataLoading loading;

  public DataLoadingNotice(DataLoading loading) {
    this.loading = loading;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain.next(request).map(response -> loading.ready() ? response : withNotice(response));
  }

  private static WebGraphQlResponse withNotice(WebGraphQlResponse response) {
    Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
    extensions.put(EXTENSION, MESSAGE);
    return response.transform(builder -> builder.extensions(extensions));
  }
}
