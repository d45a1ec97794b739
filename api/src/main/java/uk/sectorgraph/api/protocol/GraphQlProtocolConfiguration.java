package uk.sectorgraph.api.protocol;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL-over-HTTP parts Spring's defaults leave out: queries over GET ({@code ?query=&variables=
 * &operationName=}; a mutation over GET is refused with 405, as the spec asks, because GET must be safe)
 * and our own GraphiQL page built from WebJars, so it works without internet access; and parsed queries
 * kept for the next request that sends the same text ({@link ParsedDocumentCache}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlProtocolConfiguration {

  private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

  @Bean
  GraphQlSourceBuilderCustomizer parsedDocuments(ParsedDocumentCache cache) {
    return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RouterFunction<ServerResponse> graphQlGetAndGraphiQl(GraphQlHttpHandler handler, JsonMapper json) throws IOException {
    String graphiql;
    try (InputStream in = new ClassPathResource("graphiql/index.html").getInputStream()) {
      graphiql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return RouterFunctions.route()
        .GET("/graphql", request -> get(request, handler, json))
        .GET("/graphiql", request -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .header(HttpHeaders.CACHE_CONTROL, "no-cache").body(graphiql))
        .build();
  }

  private static ServerResponse get(ServerRequest request, GraphQlHttpHandler handler, JsonMapper json) throws Exception {
    String query = request.param("query").orElse(null);
    if (query == null || query.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "A GET request needs a 'query' parameter (and optionally 'variables' "
          + "as JSON and 'operationName')", json);
    }
    Map<String, Object> body = new HashMap<>();
    body.put("query", query);
    request.param("operationName").filter(s -> !s.isBlank()).ifPresent(name -> body.put("operationName", name));
    String variables = request.param("variables").orElse(null);
    if (variables != null && !variables.isBlank()) {
      try {
        body.put("variables", json.readValue(variables, Map.class));
      } catch (RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, "The 'variables' parameter is not a JSON object", json);
      }
    }
    String operation = operationType(query, (String) body.get("operationName"));
    if (operation != null && !"QUERY".equals(operation)) {
      return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
          .contentType(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(Map.of("errors", List.of(Map.of("message",
              operation.charAt(0) + operation.substring(1).toLowerCase() + "s are only accepted over POST")))));
    }
    byte[] bytes = json.writeValueAsBytes(body);
    ServerRequest asPost = ServerRequest.from(request).method(HttpMethod.POST)
        .headers(h -> {
          h.setContentType(MediaType.APPLICATION_JSON);
          h.setContentLength(bytes.length);
        })
        .body(bytes).build();
    return handler.handleRequest(asPost);
  }

  /** The type of the operation that would run, or null when the document does not parse (the handler reports that). */
  private static String operationType(String query, String operationName) {
    try {
      Document document = Parser.parse(query);
      List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
      for (OperationDefinition op : operations) {
        if (operationName == null ? operations.size() == 1 : operationName.equals(op.getName())) {
          return op.getOperation().name();
        }
      }
      // Several operations and no (or no matching) name: refuse if any of them writes.
      return operations.stream().map(op -> op.getOperation().name()).filter(t -> !"QUERY".equals(t)).findFirst().orElse(null);
    } catch (InvalidSyntaxException e) {
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static ServerResponse error(HttpStatus status, String message, JsonMapper json) {
    return ServerResponse.status(status).contentType(GRAPHQL_RESPONSE)
        .body(json.writeValueAsString(Map.of("errors", List.of(Map.of("message", message)))));
  }
}
