package uk.sectorgraph.analysis.impact;

/** One organisation on a chain of SUPPLIES links. */
public record FirmStep(String id, String name) {}
