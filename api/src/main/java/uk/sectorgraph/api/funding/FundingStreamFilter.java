package uk.sectorgraph.api.funding;

/** The GraphQL {@code FundingStreamFilter} input. */
public record FundingStreamFilter(String funderContains, String programmeContains, String eligibleArea,
    String eligibleSector, Double amountMin, Double amountMax, String opensFrom, String opensTo) {}
