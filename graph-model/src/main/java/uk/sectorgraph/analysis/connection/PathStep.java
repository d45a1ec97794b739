package uk.sectorgraph.analysis.connection;

/**
 * A relationship on a connection path, between the path's nodes at {@code index} and {@code index + 1}.
 *
 * @param forward true when the relationship points along the path (from node index to index + 1)
 */
public record PathStep(String type, String fromId, String toId, boolean forward) {}
