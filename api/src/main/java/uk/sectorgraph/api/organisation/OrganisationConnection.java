package uk.sectorgraph.api.organisation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A Relay page, resolved lazily: {@code totalCount} runs a count, {@code edges} and {@code pageInfo}
 * run the page query, and a query that asks only for the count never loads a node.
 */
public final class OrganisationConnection {

  public record Edge(OrganisationView node, String cursor) {}

  public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  record Page(List<Edge> edges, PageInfo pageInfo) {}

  private final OrganisationQueries queries;
  private final OrganisationQueries.Scope scope;
  private final PageRequest request;
  private final boolean countWithPage; // one statement answers both the page and totalCount
  private Page page;
  private Long total;

  OrganisationConnection(OrganisationQueries queries, OrganisationQueries.Scope scope, PageRequest request) {
    this.queries = queries;
    this.scope = scope;
    this.request = request;
    this.countWithPage = request.withTotal() && queries.canCountWithPage(scope, request);
  }

  synchronized Page page() {
    if (page == null) {
      if (countWithPage && total == null) {
        var both = queries.pageAndTotal(scope, request);
        page = both.page();
        total = both.total();
      } else {
        page = queries.page(scope, request, this::totalCount);
      }
    }
    return page;
  }

  synchronized long totalCount() {
    if (total == null && countWithPage) {
      page();
    }
    if (total == null) {
      total = queries.count(scope);
    }
    return total;
  }

  public List<Edge> edges() {
    return page().edges();
  }

  public PageInfo pageInfo() {
    return page().pageInfo();
  }

  /**
   * first/after or last/before, turned into offsets. Cursors are opaque to clients. {@code withTotal}:
   * the query asks for totalCount as well as the page, so one statement may answer both.
   */
  record PageRequest(Integer first, String after, Integer last, String before, List<OrganisationOrder> orderBy,
      boolean withTotal) {}

  static String cursor(long offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static long offset(String cursor, String argument) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        long offset = Long.parseLong(text.substring(7));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException ignored) {
      // falls through to the error below
    }
    throw graphql.GraphqlErrorException.newErrorException()
        .message(argument + ": '" + cursor + "' is not a cursor this API issued").build();
  }
}
