package uk.sectorgraph.analysis.gaps;

import java.util.List;
import java.util.Map;

/**
 * One gap.
 *
 * @param severity 0..1, comparable across kinds only roughly (see docs/methods.md for each formula)
 * @param sentence one plain-English sentence
 * @param figures  the numbers behind the sentence and the thresholds applied (JSON-friendly values)
 * @param nodeIds  the graph keys involved: organisation/funding stream ids, industry or district codes
 */
public record PartnershipGap(GapKind kind, double severity, String sentence, Map<String, Object> figures,
    List<String> nodeIds) {

  public PartnershipGap {
    figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    nodeIds = List.copyOf(nodeIds);
  }
}
