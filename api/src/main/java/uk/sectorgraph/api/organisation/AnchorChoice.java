package uk.sectorgraph.api.organisation;

import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import uk.sectorgraph.api.store.GraphReads;

/**
 * Where a filtered match of organisations starts when the filter names both an area and a sector: at
 * whichever of the two holds fewer organisations. A LEP holds ~13,000 organisations at national scale
 * while a SIC division may hold a few thousand nationally (or a section hundreds of thousands), so a
 * fixed choice is wrong one way or the other. The sizes are node degrees, which Neo4j keeps counted:
 * the estimate reads a few hundred numbers, not the organisations. It decides only the plan, never the
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
}
