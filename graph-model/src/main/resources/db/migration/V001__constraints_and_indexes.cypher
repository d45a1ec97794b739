// Identity: every node kind is found by its public identifier (org-id.guide, ONS code, SIC code, IOAT code).
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (o:Organisation) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT sector_code IF NOT EXISTS FOR (s:Sector) REQUIRE s.code IS UNIQUE;
CREATE CONSTRAINT sector_grouping_id IF NOT EXISTS FOR (g:SectorGrouping) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT industry_code IF NOT EXISTS FOR (i:Industry) REQUIRE i.code IS UNIQUE;
CREATE CONSTRAINT io_table_year IF NOT EXISTS FOR (t:IoTable) REQUIRE t.year IS UNIQUE;
CREATE CONSTRAINT local_authority_code IF NOT EXISTS FOR (a:LocalAuthority) REQUIRE a.code IS UNIQUE;
CREATE CONSTRAINT lep_code IF NOT EXISTS FOR (l:Lep) REQUIRE l.code IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT funding_stream_id IF NOT EXISTS FOR (f:FundingStream) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR (p:Partnership) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT postcode_code IF NOT EXISTS FOR (p:Postcode) REQUIRE p.code IS UNIQUE;
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE;
// Lookups and filters analysts use.
CREATE INDEX organisation_company_number IF NOT EXISTS FOR (o:Organisation) ON (o.companyNumber);
CREATE INDEX organisation_kind IF NOT EXISTS FOR (o:Organisation) ON (o.kind);
CREATE INDEX organisation_status IF NOT EXISTS FOR (o:Organisation) ON (o.status);
CREATE INDEX organisation_incorporated IF NOT EXISTS FOR (o:Organisation) ON (o.incorporatedOn);
CREATE INDEX organisation_postcode IF NOT EXISTS FOR (o:Organisation) ON (o.postcode);
CREATE INDEX sector_level IF NOT EXISTS FOR (s:Sector) ON (s.level);
CREATE INDEX funding_stream_funder IF NOT EXISTS FOR (f:FundingStream) ON (f.funder);
// Ranked name search, previous names included.
CREATE FULLTEXT INDEX organisation_names IF NOT EXISTS FOR (o:Organisation) ON EACH [o.name, o.previousNamesText];
CREATE FULLTEXT INDEX place_and_sector_names IF NOT EXISTS FOR (n:Sector|Lep|LocalAuthority|Industry) ON EACH [n.name];
