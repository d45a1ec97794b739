package uk.sectorgraph.importer.grants;

/** A grant's fields as text, the same whether they came from JSON or from the spreadsheet columns. */
public record RawGrant(long line, String id, String title, String currency, String amountAwarded, String awardDate,
    String recipientId, String recipientName, String recipientCompanyNumber,
    String funderId, String funderName, String programmeCode, String programmeTitle, String raw) {}
