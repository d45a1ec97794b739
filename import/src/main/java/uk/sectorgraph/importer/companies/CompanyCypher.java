package uk.sectorgraph.importer.companies;

import uk.sectorgraph.model.geography.DistrictSectorKeys;

/** The Cypher of the companies import; every value is a parameter. */
final class CompanyCypher {

  private CompanyCypher() {}

  /**
   * One batch. Outcome per row: created (MERGE made the node: it has no source yet, and every node we
   * write has one), unchanged (same row hash: nothing is rewritten, only asOf moves on for a newer
   * snapshot, which is what {@code --full-snapshot} relies on), stale (the graph holds a newer snapshot
   * of this company: an older file never overwrites it; counted as unchanged), or updated.
   * OPERATES_IN is replaced as a set; LOCATED_IN follows the postcode when the Postcode is loaded; the
   * organisation's {@link DistrictSectorKeys} follow both.
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
      CALL (o, outcome) {
        WITH o WHERE outcome IN ['created', 'updated']
        %s
      }
      RETURN count(CASE outcome WHEN 'created' THEN 1 END) AS created,
             count(CASE outcome WHEN 'updated' THEN 1 END) AS updated,
             count(CASE WHEN outcome IN ['unchanged', 'stale'] THEN 1 END) AS unchanged
      """.formatted(DistrictSectorKeys.refresh("o"));

  /**
   * First round trip of a batch (read-only, ids only): what the graph holds for these companies, so
   * that {@link CompanyBatch} sends unchanged rows nowhere and new rows to {@link #CREATE}.
   */
  static final String STORED = """
      UNWIND $ids AS id
      MATCH (o:Organisation {id: id})
      RETURN o.id AS id, o.rowHash AS hash, o.source AS source, o.asOf AS asOf,
             o.missingFromSnapshot IS NOT NULL AS missing
      """;

  /**
   * Rows whose company was not in the graph when the batch read it. Same values as {@link #UPSERT}
   * writes for a created row, but without its per-row classification, read-back of old values and
   * relationship MERGEs: a node made here has no relationships, so OPERATES_IN and LOCATED_IN are
   * CREATEd (nothing to match against the dense Sector and LocalAuthority nodes). A row whose node
   * turns out to exist after all (another writer got there first) is left alone and its id is
   * returned in {@code existing}, for {@link #UPSERT}.
   */
  static final String CREATE = """
      UNWIND $rows AS row
      MERGE (o:Organisation {id: row.id})
      WITH o, row, o.source IS NULL AS isNew
      CALL (o, row, isNew) {
        WITH o, row WHERE isNew
        SET o.kind = 'COMPANY', o.name = row.name, o.companyNumber = row.companyNumber, o.status = row.status,
            o.category = row.category, o.incorporatedOn = row.incorporatedOn, o.dissolvedOn = row.dissolvedOn,
            o.postcode = row.postcode, o.previousNames = row.previousNames,
            o.previousNamesText = row.previousNamesText, o.source = row.source, o.asOf = row.asOf,
            o.rowHash = row.hash,
            o.statusHistory = CASE WHEN row.status IS NULL THEN null ELSE [toString(row.asOf) + ':' + row.status] END
        WITH o, row
        CALL (o, row) {
          UNWIND row.sectors AS link
          MATCH (s:Sector {code: link.code})
          CREATE (o)-[:OPERATES_IN {primary: link.primary, source: row.source, asOf: row.asOf}]->(s)
        }
        CALL (o, row) {
          MATCH (p:Postcode {code: row.postcode})
          MATCH (la:LocalAuthority {code: p.laCode})
          CREATE (o)-[:LOCATED_IN {source: row.source, asOf: row.asOf}]->(la)
        }
        %s
      }
      RETURN count(CASE WHEN isNew THEN 1 END) AS created, collect(CASE WHEN NOT isNew THEN row.id END) AS existing
      """.formatted(DistrictSectorKeys.refresh("o"));

  /** Unchanged rows of a newer snapshot: only the provenance moves on (what {@link #UPSERT} does for them). */
  static final String TOUCH = """
      UNWIND $rows AS row
      MATCH (o:Organisation {id: row.id})
      SET o.asOf = row.asOf, o.source = row.source, o.missingFromSnapshot = null
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
