package uk.sectorgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated strings and numbers thrown at every read argument: the server never answers 5xx, never
 * shows a stack trace, treats Cypher and Lucene syntax as data, and writes nothing.
 */
class HostileInputProperties {

  static long nodesBefore;

  @BeforeContainer
  static void start() throws Exception {
    nodesBefore = RunningServer.get().count("MATCH (n) RETURN count(n)");
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.of("'", "\"", "\\", "}) DETACH DELETE n //", "' OR 1=1 --", "*", "?", "~", "AND", "OR NOT",
            "title:(x", "[a TO z]", "$param", "MATCH (n) DETACH DELETE n", "\u0000", "\uD83D\uDE00 emoji",
            "Ω≈ç√∫", "%s%n", "../../etc/passwd", "<script>alert(1)</script>", "   ", ""),
        Arbitraries.strings().withChars("(){}[]:\"'\\*?~^!&|+-/$`").ofMaxLength(20));
  }

  @Property(tries = 150)
  void anyTextIsDataNeverAServerError(@ForAll("hostile") String text) throws Exception {
    HttpResponse<String> response = RunningServer.get().graphql("""
        query($t: String!, $id: ID!) {
          search(text: $t, first: 5) { id }
          searchOrganisations(text: $t, first: 5) { score }
          organisation(id: $id) { id }
          sector(code: $id) { code }
          organisations(where: {nameContains: $t, OR: [{sector: $id}, {area: $id}, {postcodeStartsWith: $t}]}, first: 3) { totalCount }
        }""", Map.of("t", text, "id", text), false);
    assertNoServerErrorOrTrace(response);
    assertThat(RunningServer.get().count("MATCH (n) RETURN count(n)")).isEqualTo(nodesBefore);
  }

  @Property(tries = 60)
  void anyCursorOrPageSizeIsAnsweredOrRefusedClearly(@ForAll("hostile") String cursor,
      @ForAll("pageSizes") int first) throws Exception {
    HttpResponse<String> response = RunningServer.get().graphql(
        "query($c: String, $n: Int) { organisations(first: $n, after: $c) { edges { cursor } } }",
        new java.util.HashMap<>(Map.of("c", cursor, "n", first)), false);
    assertNoServerErrorOrTrace(response);
  }

  @Provide
  Arbitrary<Integer> pageSizes() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-5, 2000), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  private static void assertNoServerErrorOrTrace(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("uk.sectorgraph.");
  }
}
