package uk.sectorgraph.importer.officers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.psc.CompanyNumbers;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.store.GraphStore;

/**
 * Companies House API documents (company profiles and officer lists), from saved files or fetched
 * live: profiles update the Organisation, officer items become {@code (Person)-[:OFFICER_OF]->(Organisation)}.
 */
public final class OfficersImport {

  public static final String SOURCE = "officers";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> STATUS = Map.ofEntries(
      Map.entry("active", "Active"), Map.entry("dissolved", "Dissolved"), Map.entry("liquidation", "Liquidation"),
      Map.entry("receivership", "Receiver Action"), Map.entry("converted-closed", "Converted / Closed"),
      Map.entry("voluntary-arrangement", "Voluntary Arrangement"), Map.entry("insolvency-proceedings", "Insolvency Proceedings"),
      Map.entry("administration", "In Administration"), Map.entry("open", "Open"), Map.entry("closed", "Closed"),
      Map.entry("registered", "Registered"), Map.entry("removed", "Removed"));

  public record Options(String source, LocalDate asOf) {}

  static final String OUTCOME = """
      WITH isNew, before = after AS same
      RETURN count(CASE WHEN isNew THEN 1 END) AS created,
             count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
             count(CASE WHEN NOT isNew AND same THEN 1 END) AS unchanged
      """;

  static final String PROFILE = """
      UNWIND $rows AS row
      MERGE (o:Organisation {id: row.id})
      WITH o, row, o.source IS NULL AS isNew, properties(o) AS before
      SET o += row.props, o.kind = coalesce(o.kind, 'COMPANY')
      WITH o, row, isNew, before
      CALL (o, row) {
        UNWIND row.sics AS sic
        MATCH (s:Sector {code: sic.code})
        MERGE (o)-[r:OPERATES_IN]->(s)
        SET r.primary = sic.primary, r.source = row.props.source, r.asOf = row.props.asOf
        RETURN count(*) AS linked
      }
      WITH o, isNew, before, properties(o) AS after
      %s
      WITH isNew, before, after
      """.formatted(DistrictSectorKeys.refresh("o")) + OUTCOME;

  static final String OFFICER = """
      UNWIND $rows AS row
      MERGE (c:Organisation {id: row.companyId})
        ON CREATE SET c.companyNumber = row.companyNumber, c.kind = 'COMPANY', c.source = row.source, c.asOf = row.asOf
      MERGE (p:Person {id: row.personId})
      SET p += row.person
      MERGE (p)-[r:OFFICER_OF {role: row.role}]->(c)
      WITH p, r, row
      CALL (p, row) {
        WITH p, row WHERE row.registeredAsId IS NOT NULL
        MERGE (o:Organisation {id: row.registeredAsId})
          ON CREATE SET o.companyNumber = row.registeredAsNumber, o.kind = 'COMPANY', o.name = row.person.name,
                        o.source = row.source, o.asOf = row.asOf
        MERGE (p)-[:REGISTERED_AS]->(o)
      }
      WITH r, row, r.source IS NULL AS isNew, properties(r) AS before
      SET r += row.rel
      WITH isNew, before, properties(r) AS after
      """ + OUTCOME;

  private final GraphStore store;

  public OfficersImport(GraphStore store) {
    this.store = store;
  }

  /** Saved API responses; each file must be a company profile or an officer list. */
  public ImportSummary run(List<Path> files, Options options, RejectsFile rejects) {
    List<JsonNode> documents = new ArrayList<>();
    for (Path file : files) {
      try {
        JsonNode doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (kindOf(doc) == null) {
          throw new BadFileException(file.toString(), "is neither a Companies House company profile nor an officer list");
        }
        documents.add(doc);
      } catch (JacksonException e) {
        throw new BadFileException(file.toString(), "is not JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    long started = System.nanoTime();
    Tally tally = new Tally();
    for (int i = 0; i < documents.size(); i++) {
      write(documents.get(i), files.get(i).toString(), options, rejects, tally);
    }
    return tally.summary(files.size(), rejects, started);
  }

  /** Live: profile and every page of officers for each company number. */
  public ImportSummary fetch(CompaniesHouseClient client, List<String> companyNumbers, Options options, RejectsFile rejects)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    Tally tally = new Tally();
    for (String raw : companyNumbers) {
      String number = CompanyNumbers.normalise(raw);
      if (number == null) {
        tally.read++;
        rejects.reject("api", 0, "'" + raw + "' is not a company number", raw);
        continue;
      }
      Optional<String> profile = client.get("/company/" + number);
      if (profile.isEmpty()) {
        tally.read++;
        rejects.reject("api", 0, "company " + number + " not found", raw);
        continue;
      }
      write(JSON.readTree(profile.get()), "/company/" + number, options, rejects, tally);
      for (int start = 0; ; ) {
        Optional<String> page = client.get("/company/" + number + "/officers?items_per_page=100&start_index=" + start);
        if (page.isEmpty()) {
          break;
        }
        JsonNode list = JSON.readTree(page.get());
        write(list, "/company/" + number + "/officers", options, rejects, tally);
        start += list.path("items").size();
        // A short page is the last one (total_results also counts items the API does not list).
        if (list.path("items").size() < 100 || start >= list.path("total_results").asInt(0)) {
          break;
        }
      }
    }
    return tally.summary(companyNumbers.size(), rejects, started);
  }

  private static final class Tally {
    long read;
    BatchCounts counts = BatchCounts.ZERO;

    ImportSummary summary(int files, RejectsFile rejects, long started) {
      return ImportSummary.of(SOURCE, files, read, counts, rejects.rejected(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  static String kindOf(JsonNode doc) {
    if ("officer-list".equals(doc.path("kind").asString(""))) {
      return "officers";
    }
    if (doc.has("company_number") || doc.has("company_name")) {
      return "profile";
    }
    return null;
  }

  private void write(JsonNode doc, String name, Options options, RejectsFile rejects, Tally tally) {
    if ("profile".equals(kindOf(doc))) {
      tally.read++;
      String number = CompanyNumbers.normalise(doc.path("company_number").asString(""));
      if (number == null) {
        rejects.reject(name, 1, "profile without a valid company_number", null);
        return;
      }
      tally.counts = tally.counts.plus(run(PROFILE, List.of(profileRow(doc, number, options))));
      return;
    }
    String number = companyFromLink(doc.path("links").path("self").asString(""));
    List<Map<String, Object>> rows = new ArrayList<>();
    int index = 0;
    for (JsonNode item : doc.path("items")) {
      index++;
      tally.read++;
      String personId = officerId(item.path("links").path("officer").path("appointments").asString(""));
      if (number == null || personId == null) {
        rejects.reject(name, index, number == null ? "officer list without /company/<number>/officers in links.self"
            : "officer item without links.officer.appointments", item.toString());
        continue;
      }
      rows.add(officerRow(item, number, personId, options));
    }
    if (!rows.isEmpty()) {
      tally.counts = tally.counts.plus(run(OFFICER, rows));
    }
  }

  private BatchCounts run(String cypher, List<Map<String, Object>> rows) {
    try (Session session = store.session()) {
      return session.executeWrite(tx -> {
        Record r = tx.run(cypher, Map.of("rows", rows)).single();
        return new BatchCounts(r.get("created").asLong(), r.get("updated").asLong(), r.get("unchanged").asLong());
      });
    }
  }

  private static Map<String, Object> profileRow(JsonNode doc, String number, Options options) {
    Map<String, Object> props = new HashMap<>();
    props.put("companyNumber", number);
    props.put("name", text(doc, "company_name"));
    String status = text(doc, "company_status");
    props.put("status", status == null ? null : STATUS.getOrDefault(status, status));
    props.put("incorporatedOn", date(text(doc, "date_of_creation")));
    props.put("dissolvedOn", date(text(doc, "date_of_cessation")));
    List<String> previous = new ArrayList<>();
    doc.path("previous_company_names").forEach(p -> previous.add(p.path("name").asString()));
    props.put("previousNames", previous);
    props.put("previousNamesText", String.join(" | ", previous));
    props.put("postcode", postcode(text(doc.path("registered_office_address"), "postal_code")));
    props.put("source", options.source());
    props.put("asOf", options.asOf());
    List<Map<String, Object>> sics = new ArrayList<>();
    for (JsonNode sic : doc.path("sic_codes")) {
      sics.add(Map.of("code", sic.asString(), "primary", sics.isEmpty()));
    }
    return Map.of("id", CompanyNumbers.organisationId(number), "props", props, "sics", sics);
  }

  private static Map<String, Object> officerRow(JsonNode item, String number, String personId, Options options) {
    String role = text(item, "officer_role");
    Map<String, Object> person = new HashMap<>();
    person.put("name", text(item, "name"));
    person.put("kind", role != null && role.startsWith("corporate-") ? "CORPORATE" : "INDIVIDUAL");
    person.put("nationality", text(item, "nationality"));
    person.put("countryOfResidence", text(item, "country_of_residence"));
    JsonNode born = item.path("date_of_birth");
    person.put("birthYear", born.path("year").isNumber() ? born.path("year").asInt() : null);
    person.put("birthMonth", born.path("month").isNumber() ? born.path("month").asInt() : null);
    person.put("source", options.source());
    person.put("asOf", options.asOf());
    Map<String, Object> rel = new HashMap<>();
    rel.put("appointedOn", date(text(item, "appointed_on")));
    rel.put("resignedOn", date(text(item, "resigned_on")));
    rel.put("source", options.source());
    rel.put("asOf", options.asOf());
    Map<String, Object> row = new HashMap<>();
    row.put("companyId", CompanyNumbers.organisationId(number));
    row.put("companyNumber", number);
    row.put("personId", personId);
    row.put("role", role == null ? "unknown" : role);
    String registeredAs = ukCompanyNumber(item.path("identification"));
    row.put("registeredAsId", registeredAs == null ? null : CompanyNumbers.organisationId(registeredAs));
    row.put("registeredAsNumber", registeredAs);
    row.put("person", person);
    row.put("rel", rel);
    row.put("source", options.source());
    row.put("asOf", options.asOf());
    return row;
  }

  /**
   * The Companies House number of a corporate officer that is itself a UK company, so the officer can
   * be linked to that company's node; null for people and for bodies registered elsewhere (their
   * registration numbers are some other register's).
   */
  static String ukCompanyNumber(JsonNode identification) {
    return "uk-limited-company".equals(identification.path("identification_type").asString(""))
        ? CompanyNumbers.normalise(identification.path("registration_number").asString(""))
        : null;
  }

  /** {@code /officers/<id>/appointments} → id: Companies House's stable officer id. */
  static String officerId(String link) {
    String[] parts = link.split("/");
    return parts.length >= 3 && parts[1].equals("officers") && !parts[2].isBlank() ? parts[2] : null;
  }

  static String companyFromLink(String link) {
    String[] parts = link.split("/");
    return parts.length >= 3 && parts[1].equals("company") ? CompanyNumbers.normalise(parts[2]) : null;
  }

  static String postcode(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return s.length() >= 5 && s.length() <= 7 ? s.substring(0, s.length() - 3) + " " + s.substring(s.length() - 3) : null;
  }

  private static LocalDate date(String s) {
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() || v.asString().isBlank() ? null : v.asString();
  }
}
