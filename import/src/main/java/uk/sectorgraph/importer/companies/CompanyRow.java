package uk.sectorgraph.importer.companies;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One BasicCompanyData row as the graph stores it. {@code hash} covers every value written. */
record CompanyRow(
    String id,
    String companyNumber,
    String name,
    String status,
    String category,
    LocalDate incorporatedOn,
    LocalDate dissolvedOn,
    String postcode,
    List<String> previousNames,
    List<SectorLink> sectors,
    String source,
    LocalDate asOf,
    String hash) {

  /** An OPERATES_IN to a Sector node known to exist. */
  record SectorLink(String code, boolean primary) {}

  Map<String, Object> toParameters() {
    Map<String, Object> p = new HashMap<>(16);
    p.put("id", id);
    p.put("companyNumber", companyNumber);
    p.put("name", name);
    p.put("status", status);
    p.put("category", category);
    p.put("incorporatedOn", incorporatedOn);
    p.put("dissolvedOn", dissolvedOn);
    p.put("postcode", postcode);
    p.put("previousNames", previousNames);
    p.put("previousNamesText", previousNames.isEmpty() ? null : String.join(" | ", previousNames));
    p.put("sectors", sectors.stream().map(s -> Map.<String, Object>of("code", s.code(), "primary", s.primary())).toList());
    p.put("source", source);
    p.put("asOf", asOf);
    p.put("hash", hash);
    return p;
  }
}
