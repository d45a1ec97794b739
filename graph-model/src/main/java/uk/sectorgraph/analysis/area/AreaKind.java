package uk.sectorgraph.analysis.area;

/** What an area specification named. */
public enum AreaKind {
  /** A Local Enterprise Partnership (2020 code, {@code E37…}): its districts, with IN_LEP shares. */
  LEP,
  /** One local authority district ({@code E06…}, {@code E07…}, {@code E08…}, {@code E09…}, …). */
  LOCAL_AUTHORITY,
  /** A user-chosen list of local authority districts, each counted whole. */
  LOCAL_AUTHORITY_LIST
}
