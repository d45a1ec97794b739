package uk.sectorgraph.importer.grants;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One 360Giving grant, reduced to what the graph keeps. */
public record Grant(long line, String id, String title, BigDecimal amountGbp, LocalDate awardedOn,
    String recipientId, String recipientName, String recipientCompanyNumber,
    String funderId, String funderName, String programmeCode, String programmeTitle) {}
