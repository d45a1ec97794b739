package uk.sectorgraph.importer.psc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.sectorgraph.importer.psc.Controller.CompanyController;
import uk.sectorgraph.importer.psc.Controller.PersonController;
import uk.sectorgraph.importer.psc.PscLine.Control;
import uk.sectorgraph.importer.psc.PscLine.Exemption;
import uk.sectorgraph.importer.psc.PscLine.Statement;
import uk.sectorgraph.importer.psc.PscLine.Totals;

/**
 * Reads a Companies House PSC snapshot ({@code {"company_number": ..., "data": {...}}} per line) one line
 * at a time, so a 10 GB snapshot never sits in memory. Every line ends up either as a {@link PscLine} or
 * as a rejection with its line number and reason.
 */
public final class PscSnapshotReader {

  /** Where each line goes. */
  public interface Sink {
    void accept(PscLine line);

    void reject(long lineNumber, String reason, String raw);
  }

  /** The file is not a PSC snapshot at all; nothing should be written from it. */
  public static final class NotAPscSnapshotException extends RuntimeException {
    public NotAPscSnapshotException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  // Corporate PSCs on the UK register: their identification says where they are registered.
  private static final Pattern UK_REGISTER = Pattern.compile(
      "companies house|england|wales|scotland|northern ireland|united kingdom|\\buk\\b|register of companies",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> PERSON_KINDS = Map.of(
      "individual-person-with-significant-control", "INDIVIDUAL",
      "individual-beneficial-owner", "INDIVIDUAL",
      "legal-person-person-with-significant-control", "LEGAL_PERSON",
      "legal-person-beneficial-owner", "LEGAL_PERSON",
      "super-secure-person-with-significant-control", "SUPER_SECURE",
      "super-secure-beneficial-owner", "SUPER_SECURE",
      "corporate-entity-person-with-significant-control", "CORPORATE",
      "corporate-entity-beneficial-owner", "CORPORATE");

  /**
   * Reads every line. Throws {@link NotAPscSnapshotException} before emitting anything when the first
   * non-blank line is not a PSC snapshot record, so a wrong file fails at once.
   */
  public void read(BufferedReader in, String fileName, Sink sink) {
    long lineNumber = 0;
    boolean first = true;
    try {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        lineNumber++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(text);
        } catch (JacksonException e) {
          if (first) {
            throw new NotAPscSnapshotException(fileName + " line " + lineNumber
                + " is not JSON, so this is not a Companies House PSC snapshot (JSON lines)");
          }
          sink.reject(lineNumber, "not valid JSON: " + e.getOriginalMessage(), text);
          continue;
        }
        if (first && !(node.isObject() && node.path("data").isObject())) {
          throw new NotAPscSnapshotException(fileName + " line " + lineNumber
              + " has no \"data\" object, so this is not a Companies House PSC snapshot");
        }
        first = false;
        try {
          parse(lineNumber, node, text, sink);
        } catch (JacksonException wrongShape) {
          // A value of the wrong JSON type where the snapshot has a string or number (found by
          // GeneratedInputTest): one bad line, not a reason to stop the import. Only Jackson's own
          // exceptions: a failure in the sink (the database, a kill) must still stop the import.
          sink.reject(lineNumber, "a value of the wrong type: " + wrongShape.getMessage(), text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void parse(long lineNumber, JsonNode node, String raw, Sink sink) {
    JsonNode data = node.path("data");
    String kind = text(data, "kind");
    if (kind == null) {
      sink.reject(lineNumber, "no data.kind", raw);
      return;
    }
    if (kind.startsWith("totals#")) {
      sink.accept(new Totals(lineNumber, data.path("persons_of_significant_control_count").asLong(0),
          data.path("statements_count").asLong(0), data.path("exemptions_count").asLong(0),
          text(data, "generated_at")));
      return;
    }
    String companyNumber = CompanyNumbers.normalise(text(node, "company_number"));
    if (companyNumber == null) {
      sink.reject(lineNumber, "missing or malformed company_number '" + text(node, "company_number") + "'", raw);
      return;
    }
    if (kind.equals("persons-with-significant-control-statement")) {
      sink.accept(new Statement(lineNumber, companyNumber, text(data, "statement")));
      return;
    }
    if (kind.equals("exemptions")) {
      sink.accept(new Exemption(lineNumber, companyNumber));
      return;
    }
    String personKind = PERSON_KINDS.get(kind);
    if (personKind == null) {
      sink.reject(lineNumber, "unknown PSC kind '" + kind + "'", raw);
      return;
    }
    try {
      List<String> natures = new ArrayList<>();
      data.path("natures_of_control").forEach(n -> natures.add(n.asString()));
      Controller controller = personKind.equals("CORPORATE")
          ? corporateController(companyNumber, data)
          : person(companyNumber, data, personKind);
      if (controller == null) {
        sink.reject(lineNumber, "no etag or links.self to identify the person by", raw);
        return;
      }
      sink.accept(new Control(lineNumber, companyNumber, controller, List.copyOf(natures),
          ShareBand.ofShares(natures), date(data, "notified_on"), date(data, "ceased_on")));
    } catch (DateTimeParseException e) {
      sink.reject(lineNumber, "bad date: " + e.getParsedString(), raw);
    }
  }

  private static Controller corporateController(String companyNumber, JsonNode data) {
    JsonNode id = data.path("identification");
    String registered = text(id, "place_registered");
    if (registered == null) {
      registered = text(id, "country_registered");
    }
    String number = CompanyNumbers.normalise(text(id, "registration_number"));
    if (number != null && registered != null && UK_REGISTER.matcher(registered).find()) {
      return new CompanyController(CompanyNumbers.organisationId(number), number, text(data, "name"));
    }
    return person(companyNumber, data, "CORPORATE");
  }

  private static PersonController person(String companyNumber, JsonNode data, String kind) {
    String key = text(data, "etag");
    if (key == null) {
      key = text(data.path("links"), "self");
    }
    if (key == null) {
      return null;
    }
    JsonNode born = data.path("date_of_birth");
    return new PersonController("psc:" + companyNumber + ":" + key, text(data, "name"), kind,
        text(data, "nationality"), text(data, "country_of_residence"),
        born.path("year").isNumber() ? born.path("year").asInt() : null,
        born.path("month").isNumber() ? born.path("month").asInt() : null);
  }

  private static LocalDate date(JsonNode node, String field) {
    String s = text(node, field);
    return s == null ? null : LocalDate.parse(s);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    String s = value.asString().trim();
    return s.isEmpty() ? null : s;
  }
}
