package uk.sectorgraph.importer.supplylinks;

import java.math.BigDecimal;

/** One supplier → customer link as given in the file (org-id.guide identifiers). */
public record SupplyLink(long line, String supplierId, String customerId, String what, BigDecimal valueGbp,
    String evidence, String raw) {}
