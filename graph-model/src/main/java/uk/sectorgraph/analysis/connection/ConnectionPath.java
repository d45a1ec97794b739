package uk.sectorgraph.analysis.connection;

import java.util.List;

/** One shortest connection: n + 1 nodes and n relationship steps. */
public record ConnectionPath(List<PathNode> nodes, List<PathStep> steps) {

  public ConnectionPath {
    nodes = List.copyOf(nodes);
    steps = List.copyOf(steps);
  }

  public int length() {
    return steps.size();
  }
}
