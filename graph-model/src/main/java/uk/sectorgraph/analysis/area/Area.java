package uk.sectorgraph.analysis.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;

/**
 * An area of analysis resolved to local authority districts with shares.
 *
 * @param spec             what the caller asked for, as given
 * @param kind             whether that was a LEP, one district, or a list of districts
 * @param code             the LEP or district code (for a list: the codes joined with commas)
 * @param name             a human name (the LEP's or district's name; for a list, the names joined)
 * @param localAuthorities the districts, in code order, with their shares
 */
public record Area(String spec, AreaKind kind, String code, String name, List<AreaLocalAuthority> localAuthorities) {

  public Area {
    localAuthorities = List.copyOf(localAuthorities);
    if (localAuthorities.isEmpty()) {
      throw new IllegalArgumentException("area '" + spec + "' has no local authority districts");
    }
  }

  /**
   * Resolves a LEP code, a local authority code, or a comma-separated list of local authority codes.
   *
   * @throws IllegalArgumentException if a code is unknown
   */
  public static Area resolve(GraphReads reads, String spec) {
    Objects.requireNonNull(spec, "spec");
    List<String> codes = List.of(spec.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (codes.size() == 1) {
      String code = codes.getFirst();
      List<Record> lep = reads.read("""
          MATCH (l:Lep {code: $code})<-[r:IN_LEP]-(a:LocalAuthority)
          RETURN l.name AS areaName, a.code AS code, a.name AS name, r.share AS share ORDER BY code
          """, Map.of("code", code));
      if (!lep.isEmpty()) {
        return new Area(spec, AreaKind.LEP, code, lep.getFirst().get("areaName").asString(), districts(lep));
      }
    }
    return of(reads, spec, codes);
  }

  /** An area made of whole districts. */
  public static Area ofLocalAuthorities(GraphReads reads, List<String> codes) {
    return of(reads, String.join(",", codes), codes);
  }

  private static Area of(GraphReads reads, String spec, List<String> codes) {
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("empty area specification");
    }
    List<Record> rows = reads.read("""
        MATCH (a:LocalAuthority) WHERE a.code IN $codes
        RETURN a.code AS code, a.name AS name, 1.0 AS share ORDER BY code
        """, Map.of("codes", codes));
    if (rows.size() != codes.stream().distinct().count()) {
      List<String> found = rows.stream().map(r -> r.get("code").asString()).toList();
      List<String> missing = codes.stream().filter(c -> !found.contains(c)).toList();
      throw new IllegalArgumentException("unknown LEP or local authority code(s): " + missing);
    }
    List<AreaLocalAuthority> districts = districts(rows);
    if (codes.size() == 1) {
      return new Area(spec, AreaKind.LOCAL_AUTHORITY, codes.getFirst(), districts.getFirst().name(), districts);
    }
    return new Area(spec, AreaKind.LOCAL_AUTHORITY_LIST, String.join(",", districts.stream().map(AreaLocalAuthority::code).toList()),
        String.join(", ", districts.stream().map(AreaLocalAuthority::name).toList()), districts);
  }

  private static List<AreaLocalAuthority> districts(List<Record> rows) {
    List<AreaLocalAuthority> list = new ArrayList<>();
    for (Record r : rows) {
      list.add(new AreaLocalAuthority(r.get("code").asString(), r.get("name").asString(), r.get("share").asDouble()));
    }
    return list;
  }

  /** District codes. */
  public List<String> localAuthorityCodes() {
    return localAuthorities.stream().map(AreaLocalAuthority::code).toList();
  }

  /** District code → share, for weighting per-district counts. */
  public Map<String, Double> shares() {
    Map<String, Double> shares = new LinkedHashMap<>();
    localAuthorities.forEach(a -> shares.put(a.code(), a.share()));
    return shares;
  }
}
