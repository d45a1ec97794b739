package uk.sectorgraph.importer.postcodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sectorgraph.importer.GraphFixtures;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.companies.CompaniesImport;

class PostcodesImportTest {

  static final LocalDate AS_OF = LocalDate.of(2024, 8, 1);
  static final List<String> SAMPLE_POSTCODES = List.of("SE1 2DL", "M1 1AD", "JE2 4WD", "AB1 0AA", "SE1 9ZZ");

  @TempDir
  Path dir;

  @AfterEach
  void cleanUp() {
    GraphFixtures.cleanUp(GraphFixtures.SAMPLE_IDS);
    GraphFixtures.deletePostcodes(SAMPLE_POSTCODES);
    GraphFixtures.deletePostcodes(List.of("HG1 1ND", "S35 2PH"));
  }

  PostcodesImport importer() {
    return new PostcodesImport(GraphFixtures.driver(), null,
        new PostcodesImport.Options(dir.resolve("data"), dir.resolve("rejects"), 10_000, AS_OF));
  }

  static Map<String, Object> postcode(String code) {
    try (var session = GraphFixtures.driver().session()) {
      return session.run("MATCH (p:Postcode {code: $code}) RETURN p", Map.of("code", code)).single().get("p").asMap();
    }
  }

  @Test
  void theOnspdSampleLoadsWithLocalAuthoritiesAndLepsWithoutPseudoCodes() throws IOException {
    Path file = dir.resolve("onspd.csv");
    Files.writeString(file, GraphFixtures.resource("onspd_aug2024_format_sample.csv"), StandardCharsets.UTF_8);

    ImportSummary summary = importer().run(List.of(file));

    assertThat(summary.read()).isEqualTo(46);
    assertThat(summary.rejected()).isZero();
    assertThat(postcode("SE1 2DL")).containsEntry("lepCodes", List.of("E37000051"));
    assertThat(postcode("M1 1AD")).containsEntry("lepCodes", List.of("E37000015"));
    assertThat(postcode("AB1 0AA")).containsEntry("laCode", "S12000033").doesNotContainKey("lepCodes");
    assertThat(postcode("SE1 9ZZ")).containsKey("laCode"); // terminated, still loaded with its LA
    assertThat(postcode("JE2 4WD")).doesNotContainKeys("laCode", "lepCodes"); // Jersey: pseudo codes only

    ImportSummary again = importer().run(List.of(file));
    assertThat(again.unchanged()).isEqualTo(again.read());
  }

  @Test
  void postcodesLoadedAfterCompaniesReLinkThemToLocalAuthorities() throws IOException {
    GraphFixtures.sectors("70229", "78300", "99999", "47710");
    GraphFixtures.localAuthority("E07000165");
    GraphFixtures.localAuthority("E08000039");
    Path companies = dir.resolve("companies.csv");
    Files.writeString(companies, GraphFixtures.resource("basic_company_data_sample.csv"), StandardCharsets.UTF_8);
    new CompaniesImport(GraphFixtures.driver(), null, new CompaniesImport.Options(
        dir.resolve("data"), dir.resolve("rejects"), 10_000, AS_OF, false)).run(List.of(companies));
    assertThat(locatedIn("GB-COH-08209948")).isEmpty();

    Path onspd = dir.resolve("onspd-2025.csv");
    Files.writeString(onspd, """
        pcd7,pcd8,pcds,doterm,lad25cd,lep21cd1,lep21cd2\r
        "HG1 1ND","HG1  1ND","HG1 1ND","","E07000165","E37000062",""\r
        "S35 2PH","S35  2PH","S35 2PH","","E08000039","E37000040","E99999999"\r
        """, StandardCharsets.UTF_8);
    importer().run(List.of(onspd));

    assertThat(locatedIn("GB-COH-08209948")).containsExactly("E07000165");
    assertThat(locatedIn("GB-COH-12778855")).containsExactly("E08000039");
    assertThat(postcode("S35 2PH")).containsEntry("lepCodes", List.of("E37000040"));
    GraphFixtures.assertDistrictSectorKeysCurrent(GraphFixtures.SAMPLE_IDS);

    // The directory moves a postcode to another authority: the outdated LOCATED_IN goes.
    Files.writeString(onspd, """
        pcd7,pcd8,pcds,doterm,lad25cd,lep21cd1,lep21cd2\r
        "HG1 1ND","HG1  1ND","HG1 1ND","","E08000039","E37000062",""\r
        """, StandardCharsets.UTF_8);
    ImportSummary moved = importer().run(List.of(onspd));
    assertThat(moved.updated()).isEqualTo(1);
    assertThat(locatedIn("GB-COH-08209948")).containsExactly("E08000039");
    GraphFixtures.assertDistrictSectorKeysCurrent(GraphFixtures.SAMPLE_IDS);

    // ... and then to an authority the graph does not hold: the company is located nowhere, with no keys.
    Files.writeString(onspd, """
        pcd7,pcd8,pcds,doterm,lad25cd,lep21cd1,lep21cd2\r
        "HG1 1ND","HG1  1ND","HG1 1ND","","E07999999","E37000062",""\r
        """, StandardCharsets.UTF_8);
    importer().run(List.of(onspd));
    assertThat(locatedIn("GB-COH-08209948")).isEmpty();
    GraphFixtures.assertDistrictSectorKeysCurrent(GraphFixtures.SAMPLE_IDS);
  }

  static List<String> locatedIn(String id) {
    try (var session = GraphFixtures.driver().session()) {
      return session.run("MATCH (:Organisation {id: $id})-[:LOCATED_IN]->(la) RETURN la.code AS code", Map.of("id", id))
          .list(r -> r.get("code").asString());
    }
  }
}
