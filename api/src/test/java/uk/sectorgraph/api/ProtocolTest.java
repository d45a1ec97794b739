package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.sectorgraph.api.protocol.ParsedDocumentCache;

class ProtocolTest extends ApiTestSupport {

  private static final String SIMPLE = "{ lep(code: \"E37000034\") { name } }";

  @Autowired
  private ParsedDocumentCache parsedDocuments;

  private void answersNormallyAfterwards() {
    assertThat(query(SIMPLE).path("lep").path("name").asString()).isNotBlank();
  }

  @Test
  void postAnswersWithGraphQlResponseJson() {
    Answer a = post(ANONYMOUS, SIMPLE);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/graphql-response+json");
    assertThat(a.ok().path("lep").path("name").asString()).isNotBlank();
    assertThat(a.body()).as("data loaded: no notice").doesNotContain("dataLoading");
  }

  @Test
  void getRunsQueriesWithVariablesButRefusesMutations() {
    Answer a = get(ANONYMOUS, "query($c: ID!) { lep(code: $c) { code } }", "{\"c\": \"E37000034\"}");
    assertThat(a.ok().path("lep").path("code").asString()).isEqualTo("E37000034");
    Answer m = get(EDITOR, "mutation { deleteSectorGrouping(id: \"offshore-wind\") { deleted } }", null);
    assertThat(m.status()).isEqualTo(405);
    assertThat(m.body()).contains("only accepted over POST");
    assertThat(query("{ sectorGroupings { id } }").toString()).contains("offshore-wind");
    assertThat(getPath(ANONYMOUS, "/graphql").status()).isEqualTo(400);
  }

  @Test
  void malformedQueryIsAnErrorAndTheServerCarriesOn() {
    Answer a = post(ANALYST, "{ organisations(first: 2 { totalCount }");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.firstError()).containsIgnoringCase("syntax");
    answersNormallyAfterwards();
  }

  @Test
  void unknownFieldIsNamed() {
    Answer a = post(ANALYST, "{ organisations { totalCount colour } }");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.firstError()).contains("colour");
    answersNormallyAfterwards();
  }

  @Test
  void wrongVariableTypeIsNamed() {
    Answer a = post(ANALYST, "query($n: Int) { organisations(first: $n) { totalCount } }", Map.of("n", "twenty"));
    assertThat(a.firstError()).contains("n").containsIgnoringCase("Int");
    answersNormallyAfterwards();
  }

  @Test
  void overDepthNamesTheLimit() {
    String deep = "{ organisation(id: \"x\") { " + "suppliers { supplier { ".repeat(7) + "name" + " } }".repeat(7) + " } }";
    Answer a = post(ANALYST, deep);
    assertThat(a.firstError()).contains("max-depth");
    answersNormallyAfterwards();
  }

  @Test
  void overComplexityNamesTheLimit() {
    Answer a = post(ANALYST, "{ organisations(first: 500) { edges { node { id kind status suppliers { supplier { customers { customer { name sectors { primary } } } } } } } } }");
    assertThat(a.firstError()).contains("max-complexity");
    answersNormallyAfterwards();
  }

  @Test
  void overPageSizeNamesTheLimit() {
    Answer a = post(ANALYST, "{ organisations(first: 501) { totalCount } }");
    assertThat(a.firstError()).contains("max-page-size");
    Answer f = post(ANALYST, "{ fundingStreams(first: 501) { totalCount } }");
    assertThat(f.firstError()).contains("max-page-size");
    answersNormallyAfterwards();
  }

  @Test
  void oversizedRequestIs413() {
    String huge = "{\"query\": \"{ __typename }\", \"padding\": \"" + "x".repeat(1_100_000) + "\"}";
    assertThat(postRaw(ANALYST, huge).status()).isEqualTo(413);
    answersNormallyAfterwards();
  }

  @Test
  void schemaIsDownloadable() {
    Answer a = getPath(ANONYMOUS, "/graphql/schema");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).contains("type Query").contains("fundingStreams").contains("createPartnership")
        .contains("organisationAggregate");
    assertThat(getPath(ANALYST, "/graphql/schema").status()).isEqualTo(200);
  }

  @Test
  void graphiqlPageAndItsAssetsAreServedLocally() {
    Answer page = getPath(ANONYMOUS, "/graphiql");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/graphiql/graphiql.min.js").doesNotContain("unpkg").doesNotContain("cdn");
    for (String asset : new String[] {"/webjars/graphiql/graphiql.min.js", "/webjars/graphiql/graphiql.min.css",
        "/webjars/react/umd/react.production.min.js", "/webjars/react-dom/umd/react-dom.production.min.js"}) {
      assertThat(getPath(ANONYMOUS, asset).status()).as(asset).isEqualTo(200);
    }
    assertThat(getPath(ANALYST, "/graphiql").status()).isEqualTo(200);
  }

  @Test
  void aRepeatedQueryIsParsedOnceAndStillCheckedWithItsOwnVariables() {
    String lep = "query($c: ID!) { lep(code: $c) { code } }";
    assertThat(post(ANALYST, lep, Map.of("c", "E37000034")).ok().path("lep").path("code").asString()).isEqualTo("E37000034");
    long hits = parsedDocuments.hits();
    assertThat(post(ANALYST, lep, Map.of("c", "E37000005")).ok().path("lep").path("code").asString())
        .as("the second request's own variables").isEqualTo("E37000005");
    assertThat(parsedDocuments.hits()).as("answered from the cache").isGreaterThan(hits);

    // Complexity depends on the variables, so a cached query is checked again on every request.
    String nested = "query($n: Int) { organisations(first: $n) { edges { node { id name suppliers { supplier { customers "
        + "{ customer { sectors { primary } } } } } } } } }";
    post(ANALYST, nested, Map.of("n", 2)).ok();
    assertThat(post(ANALYST, nested, Map.of("n", 500)).firstError()).contains("max-complexity");
    post(ANALYST, nested, Map.of("n", 2)).ok();

    // A query that does not validate keeps its error.
    for (int i = 0; i < 2; i++) {
      assertThat(post(ANALYST, "{ organisations { totalCount colour } }").firstError()).contains("colour");
    }
  }
}
