package uk.sectorgraph.analysis.connection;

/** A node on a connection path: its key, its label (Organisation, Person, Partnership, FundingStream) and name. */
public record PathNode(String id, String label, String name) {}
