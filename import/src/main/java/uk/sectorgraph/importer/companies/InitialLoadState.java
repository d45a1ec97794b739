package uk.sectorgraph.importer.companies;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where an initial load got to, kept in its staging directory so that a killed run resumes from the
 * last finished phase: files staged, then the database replaced by Neo4j's importer, then finished.
 *
 * @param inputs  the input files with their sizes and the options that shape the staged files: a rerun
 *                with other inputs starts again rather than resume
 * @param staged  what staging counted, reported again in the summary of a resumed run
 */
record InitialLoadState(Phase phase, String inputs, InitialLoadStaging.Counts staged, boolean hadSample) {

  enum Phase { STAGED, IMPORTED }

  private static final String FILE = "state.properties";

  static Optional<InitialLoadState> read(Path staging) {
    Path file = staging.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    InitialLoadStaging.Counts counts = new InitialLoadStaging.Counts(
        number(p, "read"), number(p, "companies"), number(p, "operatesIn"), number(p, "locatedIn"),
        number(p, "postcodes"), number(p, "deferredCompanies"), number(p, "deferredPostcodes"), number(p, "rejected"));
    return Optional.of(new InitialLoadState(Phase.valueOf(p.getProperty("phase")), p.getProperty("inputs"), counts,
        Boolean.parseBoolean(p.getProperty("hadSample"))));
  }

  /** Written to a temporary file and moved into place, so a kill never leaves half a state. */
  void write(Path staging) {
    Properties p = new Properties();
    p.setProperty("phase", phase.name());
    p.setProperty("inputs", inputs);
    p.setProperty("hadSample", Boolean.toString(hadSample));
    p.setProperty("read", Long.toString(staged.read()));
    p.setProperty("companies", Long.toString(staged.companies()));
    p.setProperty("operatesIn", Long.toString(staged.operatesIn()));
    p.setProperty("locatedIn", Long.toString(staged.locatedIn()));
    p.setProperty("postcodes", Long.toString(staged.postcodes()));
    p.setProperty("deferredCompanies", Long.toString(staged.deferredCompanies()));
    p.setProperty("deferredPostcodes", Long.toString(staged.deferredPostcodes()));
    p.setProperty("rejected", Long.toString(staged.rejected()));
    Path tmp = staging.resolve(FILE + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp)) {
      p.store(out, "initial-load progress: do not edit");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + tmp, e);
    }
    try {
      Files.move(tmp, staging.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + staging.resolve(FILE), e);
    }
  }

  InitialLoadState imported() {
    return new InitialLoadState(Phase.IMPORTED, inputs, staged, hadSample);
  }

  private static long number(Properties p, String key) {
    return Long.parseLong(p.getProperty(key, "0"));
  }
}
