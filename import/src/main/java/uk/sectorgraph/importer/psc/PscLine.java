package uk.sectorgraph.importer.psc;

import java.time.LocalDate;
import java.util.List;

/** One understood line of a PSC snapshot. */
public sealed interface PscLine {

  long lineNumber();

  /** A person or entity with significant control over {@code companyNumber}. */
  record Control(long lineNumber, String companyNumber, Controller controller, List<String> naturesOfControl,
      ShareBand shares, LocalDate notifiedOn, LocalDate ceasedOn) implements PscLine {}

  /** A statement such as "no individual or entity with significant control": counted, not stored. */
  record Statement(long lineNumber, String companyNumber, String statement) implements PscLine {}

  /** A PSC exemption (e.g. a company listed on a regulated market): counted, not stored. */
  record Exemption(long lineNumber, String companyNumber) implements PscLine {}

  /** The snapshot's last line: totals for the whole snapshot (all parts), not for one file. */
  record Totals(long lineNumber, long pscCount, long statementsCount, long exemptionsCount, String generatedAt)
      implements PscLine {}
}
