package uk.sectorgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated strings and numbers thrown at every read argument: the server never answers 5xx, never
 * shows a stack trace, treats Cypher and Lucene syntax as data, and writes nothing.
 */
class HostileInputTest {

  @TestFactory
  Stream<DynamicTest> anyTextIsDataNeverAServerError() throws Exception {
    RunningServer server = RunningServer.get();
    long nodesBefore = server.count("MATCH (n) RETURN count(n)");
    List<String> inputs = HostileInputGenerator.strings(150);
    return IntStream.range(0, inputs.size()).mapToObj(i -> DynamicTest.dynamicTest(
        "seed " + HostileInputGenerator.SEED + " #" + i, () -> {
          String text = inputs.get(i);
          HttpResponse<String> response = server.graphql("""
              query($t: String!, $id: ID!) {
                search(text: $t, first: 5) { id }
                searchOrganisations(text: $t, first: 5) { score }
                organisation(id: $id) { id }
                sector(code: $id) { code }
                organisations(where: {nameContains: $t, OR: [{sector: $id}, {area: $id}, {postcodeStartsWith: $t}]}, first: 3) { totalCount }
              }""", Map.of("t", text, "id", text), false);
          assertNoServerErrorOrTrace(response);
          assertThat(server.count("MATCH (n) RETURN count(n)")).isEqualTo(nodesBefore);
        }));
  }

  @TestFactory
  Stream<DynamicTest> anyCursorOrPageSizeIsAnsweredOrRefusedClearly() throws Exception {
    RunningServer server = RunningServer.get();
    List<String> cursors = HostileInputGenerator.strings(60);
    List<Integer> sizes = HostileInputGenerator.pageSizes(60);
    return IntStream.range(0, 60).mapToObj(i -> DynamicTest.dynamicTest(
        "seed " + HostileInputGenerator.SEED + " #" + i, () -> {
          Map<String, Object> variables = new HashMap<>();
          variables.put("c", cursors.get(i));
          variables.put("n", sizes.get(i));
          HttpResponse<String> response = server.graphql(
              "query($c: String, $n: Int) { organisations(first: $n, after: $c) { edges { cursor } } }", variables, false);
          assertNoServerErrorOrTrace(response);
        }));
  }

  private static void assertNoServerErrorOrTrace(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("uk.sectorgraph.");
  }
}
