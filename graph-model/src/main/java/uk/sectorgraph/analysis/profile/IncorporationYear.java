package uk.sectorgraph.analysis.profile;

/** Companies incorporated in one year: in the area (share-weighted) and in the nation. */
public record IncorporationYear(int year, double area, long nation) {}
