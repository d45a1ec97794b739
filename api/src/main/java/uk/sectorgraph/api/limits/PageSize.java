package uk.sectorgraph.api.limits;

import graphql.GraphqlErrorException;

/** The page-size rule every connection applies to {@code first} / {@code last}. */
public final class PageSize {

  public static final int DEFAULT = 20;

  private PageSize() {}

  public static int check(Integer requested, String argument, int max) {
    if (requested == null) {
      return Math.min(DEFAULT, max);
    }
    if (requested < 0) {
      throw GraphqlErrorException.newErrorException()
          .message(argument + " must not be negative, was " + requested).build();
    }
    if (requested > max) {
      throw GraphqlErrorException.newErrorException()
          .message(argument + " must be at most " + max + " (limit max-page-size), was " + requested).build();
    }
    return requested;
  }
}
