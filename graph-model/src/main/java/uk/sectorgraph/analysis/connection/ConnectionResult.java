package uk.sectorgraph.analysis.connection;

import java.util.List;

/** All shortest connections found, with the bounds used. */
public record ConnectionResult(String fromId, String toId, int maxHops, int limit, List<String> relationshipTypes,
    List<ConnectionPath> paths) {

  public ConnectionResult {
    relationshipTypes = List.copyOf(relationshipTypes);
    paths = List.copyOf(paths);
  }
}
