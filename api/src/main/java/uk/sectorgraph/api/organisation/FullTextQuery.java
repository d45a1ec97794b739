package uk.sectorgraph.api.organisation;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Makes user text safe for a Lucene full-text query: every Lucene operator character is escaped, so
 * text is matched as words, and the last word also matches as a prefix (type-ahead).
 */
public final class FullTextQuery {

  private FullTextQuery() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    String[] words = text.trim().split("\\s+");
    return Arrays.stream(words)
        .map(w -> w.toLowerCase(java.util.Locale.ROOT).replaceAll("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])", "\\\\$1"))
        .filter(w -> !w.isBlank() && !w.equalsIgnoreCase("AND") && !w.equalsIgnoreCase("OR") && !w.equalsIgnoreCase("NOT"))
        .map(w -> w + "~0 OR " + w + "*")
        .map(w -> "(" + w + ")")
        .collect(Collectors.joining(" AND "));
  }
}
