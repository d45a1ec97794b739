package uk.sectorgraph.reference;

import java.util.Map;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sectorgraph.analysis.io.IoTableCsvReader;
import uk.sectorgraph.analysis.io.SicIndustryMapping;
import uk.sectorgraph.store.GraphStore;

/**
 * Loads the reference data the product ships (SIC 2007, LEPs and local authorities, the ONS
 * input–output table 2020 and the SIC→industry mapping) on first start. A {@code Dataset} node records
 * the version loaded, so restarts skip it and a new release with new reference data reloads it in place.
 */
public final class ReferenceData {

  /** Bump when a shipped reference file or the way it is loaded changes. */
  public static final int VERSION = 1;
  static final String DATASET = "reference";
  private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

  private ReferenceData() {}

  /** @return true when it loaded, false when this version was already there */
  public static boolean loadIfNeeded(GraphStore store) {
    try (Session session = store.session()) {
      Integer loaded = session.executeRead(tx -> tx.run(
              "MATCH (d:Dataset {name: $name}) RETURN d.version AS v", Map.of("name", DATASET))
          .list(r -> r.get("v").asInt()).stream().findFirst().orElse(null));
      if (loaded != null && loaded >= VERSION) {
        return false;
      }
      long started = System.nanoTime();
      int sectors = new SicHierarchyLoader().load(session);
      int areas = new GeographyLoader().load(session);
      int industries = IndustryLoader.writeTable(session, IoTableCsvReader.bundled2020(), IndustryLoader.sourceFor(2020));
      int mapped = IndustryLoader.mapSectors(session, SicIndustryMapping.bundled());
      session.executeWrite(tx -> tx.run(
          "MERGE (d:Dataset {name: $name}) SET d.version = $version, d.loadedAt = datetime()",
          Map.of("name", DATASET, "version", VERSION)).consume());
      log.info("Loaded reference data v{} in {} ms: {} sectors, {} LEPs and local authorities, {} industries, {} SIC codes mapped",
          VERSION, (System.nanoTime() - started) / 1_000_000, sectors, areas, industries, mapped);
      return true;
    }
  }

}
