package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every ```graphql block in docs/analyst-guide.md runs against the sample without errors and returns data. */
class AnalystGuideTest extends ApiTestSupport {

  @Test
  void everyExampleInTheGuideRunsAndReturnsData() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "analyst-guide.md"));
    Matcher m = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(12);
    for (String block : blocks) {
      Answer a = post(ANALYST, block);
      assertThat(a.errors().isMissingNode() || a.errors().isEmpty()).as("errors for\n%s\n%s", block, a.body()).isTrue();
      assertThat(nonEmpty(a.data())).as("empty data for\n%s\n%s", block, a.body()).isTrue();
    }
  }

  /** True if some leaf under the root is a real value (not null, not an empty list). */
  private static boolean nonEmpty(JsonNode node) {
    if (node.isObject() || node.isArray()) {
      for (JsonNode child : node) {
        if (nonEmpty(child)) {
          return true;
        }
      }
      return false;
    }
    return !node.isNull() && !node.isMissingNode();
  }
}
