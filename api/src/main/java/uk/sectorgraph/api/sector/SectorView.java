package uk.sectorgraph.api.sector;

/** A SIC sector as the API shows it. */
public record SectorView(String code, String name, String level) {}
