package uk.sectorgraph.importer.psc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved Companies House API answer, {@code GET /company/{number}/persons-with-significant-control}:
 * one company's PSCs as {@code items}, each shaped exactly like a snapshot line's {@code data}. It is
 * turned into snapshot lines (item N becomes line N) so that one reader and one writer serve both.
 */
final class PscApiList {

  /** API pages hold at most 100 items; anything this big is a snapshot part, never read whole. */
  private static final long MAX_BYTES = 8L << 20;
  private static final Pattern SELF = Pattern.compile("/company/([^/]+)/persons-with-significant-control/?");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PscApiList() {}

  /** The file as snapshot JSON lines, or empty when it is not an API PSC list. */
  static Optional<String> asSnapshotLines(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      JsonNode doc;
      try {
        doc = JSON.readTree(file.toFile());
      } catch (JacksonException notOneJsonDocument) {
        return Optional.empty(); // JSON lines, or not JSON at all: the snapshot reader says which
      }
      Matcher self = SELF.matcher(doc.path("links").path("self").asString(""));
      if (!doc.path("items").isArray() || !self.matches()) {
        return Optional.empty();
      }
      StringBuilder lines = new StringBuilder();
      for (JsonNode item : doc.path("items")) {
        ObjectNode line = JSON.createObjectNode();
        line.put("company_number", self.group(1));
        line.set("data", item);
        lines.append(JSON.writeValueAsString(line)).append('\n');
      }
      return Optional.of(lines.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
