package uk.sectorgraph.importer.psc;

/** Who holds the control: a Person node, or a company on the UK register (an Organisation node). */
public sealed interface Controller {

  record PersonController(String id, String name, String kind, String nationality, String countryOfResidence,
      Integer birthYear, Integer birthMonth) implements Controller {}

  record CompanyController(String organisationId, String companyNumber, String name) implements Controller {}
}
