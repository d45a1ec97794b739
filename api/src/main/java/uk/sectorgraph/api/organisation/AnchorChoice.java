package uk.sectorgraph.api.organisation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.sectorgraph.api.store.GraphReads;

/**
 * Whether a page of a large area in id order walks the organisation id index ({@link #walkIdOrder})
 * instead of reading the whole area. The sizes behind the choice are node degrees, which Neo4j keeps
 * counted: the estimate reads a few hundred numbers, not the organisations. The choice decides only the
 * plan, never the result.
 */
@Component
public class AnchorChoice {

  private static final String AREA_SIZE = """
      MATCH (la:LocalAuthority) WHERE la.code = $code OR EXISTS { (la)-[:IN_LEP]->(:Lep {code: $code}) }
      RETURN sum(COUNT { (la)<-[:LOCATED_IN]-() }) AS size
      """;

  private static final String ALL = "MATCH (o:Organisation) RETURN count(o) AS size";

  private record Size(String cypher, String code) {}

  // Sizes change with imports only, and a minute-old estimate chooses as well as a fresh one; a page
  // asked again within the minute saves the statement (3-4 ms of a LEP page at national scale).
  private final Cache<Size, Long> sizes = Caffeine.newBuilder()
      .maximumSize(2_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  private final GraphReads graph;

  AnchorChoice(GraphReads graph) {
    this.graph = graph;
  }

  /**
   * True when the first {@code rows} organisations of the filter's area in id order are found sooner by
   * walking the id index in order, testing the area on the way, than by reading the whole area and
   * sorting it. The walk expects to pass {@code rows × all / area} organisations; reading the area
   * costs its size. For a LEP (13,000 of 1,000,000) a page of 20 walks about 1,600; a district of 3,000
   * is read whole. Only for a filter that names an area and nothing else: any other condition thins the
   * walk out by an amount the estimate cannot know.
   */
  public boolean walkIdOrder(OrganisationFilter filter, long rows) {
    if (filter == null || filter.area() == null || !filter.equals(areaOnly(filter.area()))) {
      return false;
    }
    long area = size(AREA_SIZE, filter.area());
    return area > 0 && (double) rows * size(ALL, "") / area < area;
  }

  private long size(String cypher, String code) {
    return sizes.get(new Size(cypher, code), key -> graph.read(key.cypher(), Map.of("code", key.code())).getFirst().get("size").asLong());
  }

  private static OrganisationFilter areaOnly(String area) {
    return new OrganisationFilter(null, null, null, null, null, null, null, null, null, null, null, area,
        null, null, null, null, null, null, null);
  }
}
