package uk.sectorgraph.importer.batch;

/**
 * The import cannot run, or cannot go on, in this situation (the store is in use or holds data it would
 * replace; the disk is nearly full). Thrown before anything is written or between batches, so everything
 * committed is kept; the CLI prints the message alone and exits with code 1.
 */
public class ImportRefusedException extends RuntimeException {

  public ImportRefusedException(String message) {
    super(message);
  }
}
