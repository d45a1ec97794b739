package uk.sectorgraph.importer.batch;

/**
 * The file is not the expected format at all (wrong header, not a zip, no CSV parts). Importers throw
 * it before writing anything, so the graph is untouched; the CLI exits with code 2.
 */
public class BadFileException extends RuntimeException {

  private final String file;

  public BadFileException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public String file() {
    return file;
  }
}
