package uk.sectorgraph.api.organisation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import uk.sectorgraph.api.store.GraphReads;

/**
 * Where a filtered match of organisations starts. When the filter names both an area and a sector: at
 * whichever of the two holds fewer organisations ({@link #sectorFirst}). A LEP holds ~13,000 organisations at national scale
 * while a SIC division may hold a few thousand nationally (or a section hundreds of thousands), so a
 * fixed choice is wrong one way or the other. The sizes are node degrees, which Neo4j keeps counted:
 * the estimate reads a few hundred numbers, not the organisations. A page of a large area in id order
 * may instead walk the id index ({@link #walkIdOrder}). The choice decides only the plan, never the
 * result.
 */
@Component
public class AnchorChoice {

  // Organisations with two SIC codes in the subtree count twice: an estimate is all a plan needs.
  private static final String SIZES = """
      CALL () {
        MATCH (la:LocalAuthority) WHERE la.code = $area OR EXISTS { (la)-[:IN_LEP]->(:Lep {code: $area}) }
        RETURN sum(COUNT { (la)<-[:LOCATED_IN]-() }) AS areaSize
      }
      CALL () {
        MATCH (:Sector {code: $sector})<-[:PART_OF*0..4]-(s:Sector)
        RETURN sum(COUNT { (s)<-[:OPERATES_IN]-() }) AS sectorSize
      }
      RETURN areaSize, sectorSize
      """;

  private static final String AREA_AND_ALL = """
      CALL () {
        MATCH (la:LocalAuthority) WHERE la.code = $area OR EXISTS { (la)-[:IN_LEP]->(:Lep {code: $area}) }
        RETURN sum(COUNT { (la)<-[:LOCATED_IN]-() }) AS areaSize
      }
      CALL () {
        MATCH (o:Organisation) RETURN count(o) AS all
      }
      RETURN areaSize, all
      """;

  private record AreaShare(long area, long all) {}

  // Sizes change with imports only, and a minute-old estimate chooses as well as a fresh one.
  private final Cache<String, AreaShare> areaShares = Caffeine.newBuilder()
      .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  private final GraphReads graph;

  AnchorChoice(GraphReads graph) {
    this.graph = graph;
  }

  /** True when the match should start from the filter's sector rather than its area. */
  public boolean sectorFirst(OrganisationFilter filter) {
    if (filter == null || filter.area() == null || filter.sector() == null) {
      return false;
    }
    Record sizes = graph.read(SIZES, Map.of("area", filter.area(), "sector", filter.sector())).getFirst();
    return sizes.get("sectorSize").asLong() < sizes.get("areaSize").asLong();
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
    AreaShare share = areaShares.get(filter.area(), area -> {
      Record r = graph.read(AREA_AND_ALL, Map.of("area", area)).getFirst();
      return new AreaShare(r.get("areaSize").asLong(), r.get("all").asLong());
    });
    return share.area() > 0 && (double) rows * share.all() / share.area() < share.area();
  }

  private static OrganisationFilter areaOnly(String area) {
    return new OrganisationFilter(null, null, null, null, null, null, null, null, null, null, null, area,
        null, null, null, null, null, null, null);
  }
}
