package uk.sectorgraph.importer.grants;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.sectorgraph.importer.batch.BadFileException;

/**
 * Streams {@code {"grants": [...]}} with the Jackson streaming parser: only one grant is a tree at a
 * time, so a publisher's 500 MB file is read in constant memory.
 */
public final class GrantJsonReader {

  // Each grant is read as a tree from the middle of the stream; what follows it is not "trailing".
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  public void read(InputStream in, String name, GrantSink sink) {
    try (JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadFileException(name, "is not a 360Giving JSON file (it does not start with an object)");
      }
      boolean found = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("grants") && value == JsonToken.START_ARRAY) {
          found = true;
          readGrants(parser, sink);
        } else {
          parser.skipChildren();
        }
      }
      if (!found) {
        throw new BadFileException(name, "is not a 360Giving JSON file (no \"grants\" array)");
      }
    } catch (JacksonException e) {
      throw new BadFileException(name, "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private void readGrants(JsonParser parser, GrantSink sink) {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      long line = parser.currentLocation().getLineNr();
      JsonNode g = JSON.readTree(parser);
      JsonNode recipient = g.path("recipientOrganization").path(0);
      JsonNode funder = g.path("fundingOrganization").path(0);
      JsonNode programme = g.path("grantProgramme").path(0);
      sink.accept(new RawGrant(line, text(g, "id"), text(g, "title"), text(g, "currency"), text(g, "amountAwarded"),
          text(g, "awardDate"), text(recipient, "id"), text(recipient, "name"), text(recipient, "companyNumber"),
          text(funder, "id"), text(funder, "name"), text(programme, "code"), text(programme, "title"),
          abbreviate(g.toString())));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asString();
  }

  private static String abbreviate(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
