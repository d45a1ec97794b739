package uk.sectorgraph.importer.companies;

/** The Cypher of the companies import; every value is a parameter. */
final class CompanyCypher {

  private CompanyCypher() {}

  /**
   * One batch. Outcome per row: created (MERGE made the node: it has no source yet, and every node we
   * write has one), unchanged (same row hash: nothing is rewritten, only asOf moves on for a newer
   * snapshot, which is what {@code --full-snapshot} relies on), stale (the graph holds a newer snapshot
   * of this company: an older file never overwrites it; counted as unchanged), or updated.
   * OPERATES_IN is replaced as a set; LOCATED_IN follows the postcode when the Postcode is loaded.
   */
  static final String UPSERT = """
      UNWIND $rows AS row
      MERGE (o:Organisation {id: row.id})
      WITH o, row,
        CASE
          WHEN o.source IS NULL THEN 'created'
          WHEN o.source STARTS WITH 'companies-house' AND o.asOf > row.asOf THEN 'stale'
          WHEN o.rowHash = row.hash THEN 'unchanged'
          ELSE 'updated'
        END AS outcome
      CALL (o, row, outcome) {
        WITH o, row WHERE outcome = 'unchanged' AND (o.asOf <> row.asOf OR o.missingFromSnapshot IS NOT NULL)
        SET o.asOf = row.asOf, o.source = row.source, o.missingFromSnapshot = null
      }
      CALL (o, row, outcome) {
        WITH o, row WHERE outcome IN ['created', 'updated']
        // Before status is overwritten: history grows only when the status changes.
        SET o.statusHistory = CASE
          WHEN row.status IS NULL OR o.status = row.status THEN o.statusHistory
          ELSE coalesce(o.statusHistory, []) + [toString(row.asOf) + ':' + row.status] END
        SET o.kind = 'COMPANY', o.name = row.name, o.companyNumber = row.companyNumber, o.status = row.status,
            o.category = row.category, o.incorporatedOn = row.incorporatedOn, o.dissolvedOn = row.dissolvedOn,
            o.postcode = row.postcode, o.previousNames = row.previousNames,
            o.previousNamesText = row.previousNamesText, o.source = row.source, o.asOf = row.asOf,
            o.rowHash = row.hash, o.missingFromSnapshot = null
        WITH o, row
        CALL (o) {
          MATCH (o)-[old:OPERATES_IN]->(:Sector)
          DELETE old
        }
        UNWIND row.sectors AS link
        MATCH (s:Sector {code: link.code})
        MERGE (o)-[r:OPERATES_IN]->(s)
        SET r.primary = link.primary, r.source = row.source, r.asOf = row.asOf
      }
      CALL (o, row, outcome) {
        WITH o, row WHERE outcome IN ['created', 'updated']
        OPTIONAL MATCH (p:Postcode {code: row.postcode})
        OPTIONAL MATCH (la:LocalAuthority {code: p.laCode})
        CALL (o, la) {
          MATCH (o)-[old:LOCATED_IN]->(other:LocalAuthority)
          WHERE la IS NULL OR other <> la
          DELETE old
        }
        WITH o, row, la WHERE la IS NOT NULL
        MERGE (o)-[r:LOCATED_IN]->(la)
        SET r.source = row.source, r.asOf = row.asOf
      }
      RETURN count(CASE outcome WHEN 'created' THEN 1 END) AS created,
             count(CASE outcome WHEN 'updated' THEN 1 END) AS updated,
             count(CASE WHEN outcome IN ['unchanged', 'stale'] THEN 1 END) AS unchanged
      """;

  /** Sector codes a company can be linked to. */
  static final String SECTOR_CODES = "MATCH (s:Sector) RETURN s.code AS code";

  /** After a complete full snapshot: companies it did not contain are marked, never deleted. */
  static final String MARK_MISSING = """
      MATCH (o:Organisation {kind: 'COMPANY'})
      WHERE o.source STARTS WITH 'companies-house' AND o.asOf < $asOf AND o.missingFromSnapshot IS NULL
      CALL (o) {
        SET o.missingFromSnapshot = $asOf
      } IN TRANSACTIONS OF 10000 ROWS
      RETURN count(o) AS marked
      """;
}
