package uk.sectorgraph.importer.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns a {@link RawGrant} into a {@link Grant}, or says why not. */
final class GrantValidator {

  sealed interface Outcome {}

  record Valid(Grant grant) implements Outcome {}

  record Invalid(String reason) implements Outcome {}

  Outcome validate(RawGrant g) {
    if (blank(g.id())) {
      return new Invalid("no grant Identifier");
    }
    if (blank(g.recipientId())) {
      return new Invalid("no recipient organisation identifier (grants to individuals are not imported)");
    }
    if (blank(g.funderId())) {
      return new Invalid("no funding organisation identifier");
    }
    if (g.currency() != null && !g.currency().strip().equalsIgnoreCase("GBP")) {
      return new Invalid("amount is in " + g.currency() + ", not GBP");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(g.amountAwarded().strip().replace(",", ""));
    } catch (RuntimeException e) {
      return new Invalid("Amount Awarded '" + g.amountAwarded() + "' is not a number");
    }
    LocalDate awarded = date(g.awardDate());
    if (awarded == null) {
      return new Invalid("Award Date '" + g.awardDate() + "' is not an ISO date");
    }
    return new Valid(new Grant(g.line(), g.id().strip(), g.title(), amount, awarded, g.recipientId().strip(),
        g.recipientName(), g.recipientCompanyNumber(), g.funderId().strip(), g.funderName(), g.programmeCode(),
        g.programmeTitle()));
  }

  /** 360Giving dates are ISO date-times ({@code 2015-06-01T00:00:00+00:00}) or plain dates. */
  static LocalDate date(String s) {
    if (blank(s)) {
      return null;
    }
    String t = s.strip();
    try {
      return t.length() <= 10 ? LocalDate.parse(t) : OffsetDateTime.parse(t).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(t.substring(0, 10));
      } catch (RuntimeException again) {
        return null;
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "general" : slug;
  }
}
