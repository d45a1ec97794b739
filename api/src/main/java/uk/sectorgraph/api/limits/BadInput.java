package uk.sectorgraph.api.limits;

import graphql.GraphqlErrorException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A client error in an argument: the message says what is wrong, and the extension {@code field}
 * names the offending argument path (e.g. {@code input.members[0].role}), so a client can point at it.
 */
public final class BadInput {

  private BadInput() {}

  public static GraphqlErrorException error(String field, String message) {
    return GraphqlErrorException.newErrorException()
        .message(field + ": " + message)
        .extensions(Map.of("code", "BAD_USER_INPUT", "field", field))
        .build();
  }

  /** @return the date, or null for null; a {@link #error} for anything not YYYY-MM-DD. */
  public static LocalDate date(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw error(field, "'" + text + "' is not a date in the form YYYY-MM-DD");
    }
  }
}
