package uk.sectorgraph.importer.grants;

/** Where a grants reader sends each record: a raw grant (still to be validated) or a rejection. */
public interface GrantSink {
  void accept(RawGrant grant);

  void reject(long line, String reason, String raw);
}
