package uk.sectorgraph.api.curation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import uk.sectorgraph.api.limits.BadInput;
import uk.sectorgraph.api.store.GraphReads;

/** Input checks shared by the mutations; each failure names the offending field path. */
final class Checks {

  static final Set<String> ROLES = Set.of("LEAD", "BOARD", "MEMBER");
  private static final int MAX_TEXT = 500;

  private final GraphReads graph;

  Checks(GraphReads graph) {
    this.graph = graph;
  }

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw BadInput.error(field, "must not be empty");
    }
    return optionalText(value, field);
  }

  static String optionalText(String value, String field) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_TEXT) {
      throw BadInput.error(field, "must be at most " + MAX_TEXT + " characters");
    }
    if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw BadInput.error(field, "must not contain control characters");
    }
    return trimmed;
  }

  static Double nonNegative(Double value, String field) {
    if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
      throw BadInput.error(field, "must not be negative, was " + value);
    }
    return value;
  }

  static String role(String value, String field) {
    String role = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!ROLES.contains(role)) {
      throw BadInput.error(field, "must be LEAD, BOARD or MEMBER, was '" + value + "'");
    }
    return role;
  }

  static LocalDate date(String value, String field) {
    return BadInput.date(value, field);
  }

  static void dateOrder(LocalDate from, LocalDate to, String field) {
    if (from != null && to != null && to.isBefore(from)) {
      throw BadInput.error(field, "the closing date must not be before the opening date");
    }
  }

  /** A slug given by the user is checked; otherwise one is made from {@code name}. */
  static String slug(String given, String name, String idField, String nameField) {
    if (given != null) {
      if (!given.matches("[a-z0-9][a-z0-9-]{0,79}")) {
        throw BadInput.error(idField, "must be a slug of a-z, 0-9 and hyphens (at most 80), was '" + given + "'");
      }
      return given;
    }
    String slug = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.isEmpty()) {
      throw BadInput.error(nameField, "needs at least one letter or digit to make an id from");
    }
    return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
  }

  void organisationExists(String id, String field) {
    text(id, field);
    if (graph.read("MATCH (o:Organisation {id: $id}) RETURN count(o) AS n", Map.of("id", id)).getFirst().get("n").asLong() == 0) {
      throw BadInput.error(field, "no organisation has id '" + id + "'");
    }
  }

  boolean exists(String label, String id) {
    String cypher = switch (label) {
      case "Partnership" -> "MATCH (x:Partnership {id: $id}) RETURN count(x) AS n";
      case "FundingStream" -> "MATCH (x:FundingStream {id: $id}) RETURN count(x) AS n";
      case "SectorGrouping" -> "MATCH (x:SectorGrouping {id: $id}) RETURN count(x) AS n";
      default -> throw new IllegalArgumentException(label);
    };
    return graph.read(cypher, Map.of("id", id)).getFirst().get("n").asLong() > 0;
  }

  void mustExist(String label, String id, String field) {
    text(id, field);
    if (!exists(label, id)) {
      throw BadInput.error(field, "no " + label + " has id '" + id + "'");
    }
  }

  /** Every code must be a SIC sector; the error names the first unknown one by index. */
  void sectors(List<String> codes, String field) {
    if (codes == null || codes.isEmpty()) {
      return;
    }
    List<Record> rows = graph.read("""
        UNWIND range(0, size($codes) - 1) AS i
        OPTIONAL MATCH (s:Sector {code: $codes[i]})
        WITH i, s WHERE s IS NULL RETURN i ORDER BY i LIMIT 1""", Map.of("codes", codes));
    if (!rows.isEmpty()) {
      int i = rows.getFirst().get("i").asInt();
      throw BadInput.error(field + "[" + i + "]", "'" + codes.get(i) + "' is not a SIC 2007 code");
    }
  }

  /** Every code must be a LEP or local authority code. */
  void areas(List<String> codes, String field) {
    if (codes == null || codes.isEmpty()) {
      return;
    }
    List<Record> rows = graph.read("""
        UNWIND range(0, size($codes) - 1) AS i
        WITH i WHERE NOT EXISTS { MATCH (a:Lep {code: $codes[i]}) } AND NOT EXISTS { MATCH (a:LocalAuthority {code: $codes[i]}) }
        RETURN i ORDER BY i LIMIT 1""", Map.of("codes", codes));
    if (!rows.isEmpty()) {
      int i = rows.getFirst().get("i").asInt();
      throw BadInput.error(field + "[" + i + "]", "'" + codes.get(i) + "' is not a LEP or local authority code");
    }
  }

  void area(String code, String field) {
    if (code != null) {
      try {
        areas(List.of(code), field);
      } catch (graphql.GraphqlErrorException e) {
        throw BadInput.error(field, "'" + code + "' is not a LEP or local authority code");
      }
    }
  }
}
