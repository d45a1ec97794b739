package uk.sectorgraph.importer.psc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A percentage band read from Companies House natures of control, e.g.
 * {@code ownership-of-shares-25-to-50-percent} is 25..50 and {@code ...-more-than-25-percent} is 25..100.
 * Suffixes such as {@code -as-trust} or {@code -registered-overseas-entity} name who holds the stake,
 * not its size, so they are ignored.
 */
public record ShareBand(int min, int max) {

  private static final Pattern RANGE = Pattern.compile("(\\d{1,3})-to-(\\d{1,3})-percent");
  private static final Pattern MORE_THAN = Pattern.compile("more-than-(\\d{1,3})-percent");

  /** The band of the first {@code ownership-of-shares-*} nature, or null when none states one. */
  public static ShareBand ofShares(List<String> naturesOfControl) {
    return first(naturesOfControl, "ownership-of-shares-");
  }

  /** The band of the first {@code voting-rights-*} nature, or null when none states one. */
  public static ShareBand ofVotingRights(List<String> naturesOfControl) {
    return first(naturesOfControl, "voting-rights-");
  }

  private static ShareBand first(List<String> natures, String prefix) {
    for (String nature : natures) {
      if (nature.startsWith(prefix)) {
        ShareBand band = parse(nature.substring(prefix.length()));
        if (band != null) {
          return band;
        }
      }
    }
    return null;
  }

  static ShareBand parse(String rest) {
    Matcher range = RANGE.matcher(rest);
    if (range.lookingAt()) {
      return new ShareBand(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
    }
    Matcher moreThan = MORE_THAN.matcher(rest);
    if (moreThan.lookingAt()) {
      return new ShareBand(Integer.parseInt(moreThan.group(1)), 100);
    }
    return null;
  }
}
