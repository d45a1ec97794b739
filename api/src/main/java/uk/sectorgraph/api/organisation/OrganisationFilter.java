package uk.sectorgraph.api.organisation;

import java.util.List;

/** The GraphQL {@code OrganisationFilter} input. */
public record OrganisationFilter(
    List<OrganisationFilter> AND,
    List<OrganisationFilter> OR,
    OrganisationFilter NOT,
    List<String> idIn,
    String nameContains,
    String nameStartsWith,
    List<String> kindIn,
    List<String> statusIn,
    String statusStartsWith,
    String sector,
    Boolean primarySectorOnly,
    String area,
    String incorporatedFrom,
    String incorporatedTo,
    Integer employeesMin,
    Integer employeesMax,
    String postcodeStartsWith,
    String memberOf,
    Boolean sample) {}
