package uk.sectorgraph.api.funding;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import uk.sectorgraph.api.limits.BadInput;
import uk.sectorgraph.api.organisation.OrganisationConnection.PageInfo;

/** A lazy Relay page of funding streams: {@code totalCount} and the page are separate statements, each run only if asked for. */
public final class FundingStreamConnection {

  public record Edge(FundingStreamView node, String cursor) {}

  record Page(List<Edge> edges, PageInfo pageInfo) {}

  private final LongSupplier counter;
  private final Function<LongSupplier, Page> pager;
  private Page page;
  private Long total;

  FundingStreamConnection(LongSupplier counter, Function<LongSupplier, Page> pager) {
    this.counter = counter;
    this.pager = pager;
  }

  public synchronized List<Edge> edges() {
    return page().edges();
  }

  public synchronized PageInfo pageInfo() {
    return page().pageInfo();
  }

  public synchronized long totalCount() {
    if (total == null) {
      total = counter.getAsLong();
    }
    return total;
  }

  private Page page() {
    if (page == null) {
      page = pager.apply(this::totalCount);
    }
    return page;
  }

  static String cursor(long offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("stream:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static long offset(String cursor, String argument) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("stream:")) {
        long offset = Long.parseLong(text.substring(7));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException ignored) {
      // falls through
    }
    throw BadInput.error(argument, "'" + cursor + "' is not a cursor this API issued");
  }
}
