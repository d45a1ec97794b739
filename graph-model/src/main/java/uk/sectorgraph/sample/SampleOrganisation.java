package uk.sectorgraph.sample;

import java.time.LocalDate;
import java.util.List;

/** One organisation of the sample region, before it is written. */
record SampleOrganisation(
    String id,
    String name,
    String kind,
    String companyNumber,
    String status,
    LocalDate incorporatedOn,
    String postcode,
    String localAuthority,
    List<String> sicCodes,
    int employees) {}
