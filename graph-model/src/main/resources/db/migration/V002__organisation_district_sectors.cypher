// Each organisation's (district, sector) keys, for "organisations in this area and this sector" answered by
// one index lookup (see DistrictSectorKeys). A store made before this migration gets its keys here; a
// bulk-loaded store has them from staging, and an organisation without a district or a sector has none.
// The keys are derived as DistrictSectorKeys.refresh derives them (copied, as a migration must not change).
MATCH (o:Organisation)
WHERE o.districtSectors IS NULL AND EXISTS { (o)-[:LOCATED_IN]->(:LocalAuthority) } AND EXISTS { (o)-[:OPERATES_IN]->(:Sector) }
CALL (o) {
  WITH o, COLLECT { MATCH (o)-[:LOCATED_IN]->(la:LocalAuthority)
                    MATCH (o)-[:OPERATES_IN]->(:Sector)-[:PART_OF*0..4]->(t:Sector)
                    WITH DISTINCT la.code + '/' + t.code AS key RETURN key ORDER BY key } AS keys
  SET o.districtSectors = CASE WHEN size(keys) = 0 THEN null ELSE keys END
} IN TRANSACTIONS OF 10000 ROWS;
// One term per key: the keyword analyser keeps each key whole.
CREATE FULLTEXT INDEX organisation_district_sectors IF NOT EXISTS FOR (o:Organisation) ON EACH [o.districtSectors]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
