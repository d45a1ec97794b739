package uk.sectorgraph.api.security;

/** What a user may do: each role can do everything the one before it can. */
public enum Role {
  /** Reads everything and runs analyses. */
  ANALYST,
  /** Also writes curated data: partnerships, members, supplier links, funding streams, sector groupings. */
  EDITOR,
  /** Also imports sources and manages users. */
  ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
