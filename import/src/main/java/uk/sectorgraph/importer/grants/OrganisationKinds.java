package uk.sectorgraph.importer.grants;

/**
 * The graph's organisation kind from an org-id.guide prefix. 360Giving recipients outside the
 * registers (ids minted by the publisher, {@code 360G-...}) are almost always unregistered voluntary
 * and community groups, so they become CHARITY and are reported, rather than guessed to be companies.
 */
public final class OrganisationKinds {

  private OrganisationKinds() {}

  public static String of(String orgId) {
    String id = orgId.toUpperCase(java.util.Locale.ROOT);
    if (id.startsWith("GB-COH-")) {
      return "COMPANY";
    }
    if (id.startsWith("GB-CHC-") || id.startsWith("GB-SC-") || id.startsWith("GB-NIC-")) {
      return "CHARITY";
    }
    if (id.startsWith("GB-LAE-") || id.startsWith("GB-LAS-") || id.startsWith("GB-PLA-") || id.startsWith("GB-UKLA-")) {
      return "LOCAL_AUTHORITY";
    }
    if (id.startsWith("GB-EDU-") || id.startsWith("GB-UKPRN-")) {
      return "UNIVERSITY";
    }
    if (id.startsWith("GB-GOR-") || id.startsWith("GB-GOV-") || id.startsWith("GB-NHS-")) {
      return "PUBLIC_BODY";
    }
    return "CHARITY";
  }

  /** True for identifiers on a public register we recognise (not publisher-minted). */
  public static boolean registered(String orgId) {
    return orgId.startsWith("GB-");
  }
}
