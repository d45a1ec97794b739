package uk.sectorgraph.importer.postcodes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One postcode as the graph stores it: {@code (:Postcode {code, laCode, lepCodes, source, asOf})}. */
public record PostcodeRow(String code, String laCode, List<String> lepCodes, String source, LocalDate asOf) {

  Map<String, Object> toParameters() {
    Map<String, Object> p = new HashMap<>(8);
    p.put("code", code);
    p.put("laCode", laCode);
    p.put("lepCodes", lepCodes.isEmpty() ? null : lepCodes);
    p.put("source", source);
    p.put("asOf", asOf);
    return p;
  }
}
