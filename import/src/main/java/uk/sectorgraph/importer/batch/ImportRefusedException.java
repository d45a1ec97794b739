package uk.sectorgraph.importer.batch;

/**
 * The import cannot run in this situation (the store is in use, holds data it would replace, ...). Thrown
 * before anything is written; the CLI prints the message alone and exits with code 1.
 */
public class ImportRefusedException extends RuntimeException {

  public ImportRefusedException(String message) {
    super(message);
  }
}
