package uk.sectorgraph.api.limits;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns the errors our data fetchers raise on purpose (bad arguments, limits, validation of mutation
 * input) into GraphQL errors that keep their message and extensions, instead of an opaque
 * INTERNAL_ERROR. A query cut off by the transaction timeout names the limit.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

  private final int timeoutSeconds;

  GraphQlErrorResolver(uk.sectorgraph.api.SectorGraphProperties properties) {
    this.timeoutSeconds = properties.limits().timeoutSeconds();
  }

  @Override
  protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (ex instanceof GraphqlErrorException e) {
      Map<String, Object> extensions = e.getExtensions();
      return GraphqlErrorBuilder.newError(env).message(e.getMessage()).errorType(ErrorType.BAD_REQUEST)
          .extensions(extensions == null ? Map.of() : extensions).build();
    }
    if (ex instanceof TransientException || ex instanceof ClientException) {
      String code = ((org.neo4j.driver.exceptions.Neo4jException) ex).code();
      if (code != null && code.contains("TransactionTimedOut")) {
        return GraphqlErrorBuilder.newError(env)
            .message("The query took longer than " + timeoutSeconds + " s (limit timeout-seconds); narrow it down")
            .errorType(ErrorType.BAD_REQUEST).extensions(Map.of("limit", "timeout-seconds")).build();
      }
    }
    return null;
  }
}
