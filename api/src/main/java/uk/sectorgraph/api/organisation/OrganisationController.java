package uk.sectorgraph.api.organisation;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Organisation lookups, full-text search and the filtered, paged list. */
@Controller
class OrganisationController {

  private final OrganisationQueries queries;

  OrganisationController(OrganisationQueries queries) {
    this.queries = queries;
  }

  @QueryMapping
  OrganisationView organisation(@Argument String id) {
    return queries.byId(id);
  }

  @QueryMapping
  List<Map<String, Object>> searchOrganisations(@Argument String text, @Argument Integer first) {
    return queries.search(text, first == null ? 10 : first);
  }

  @QueryMapping
  OrganisationConnection organisations(@Argument OrganisationFilter where, @Argument List<OrganisationOrder> orderBy,
      @Argument Integer first, @Argument String after, @Argument Integer last, @Argument String before,
      DataFetchingFieldSelectionSet selection) {
    return queries.connection(new OrganisationQueries.Scope(where, null, null), first, after, last, before, orderBy, selection);
  }

  @SchemaMapping(typeName = "OrganisationConnection", field = "totalCount")
  long totalCount(OrganisationConnection connection) {
    return connection.totalCount();
  }
}
