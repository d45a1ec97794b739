package uk.sectorgraph.importer.iotable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.driver.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.sectorgraph.analysis.io.IoTable;
import uk.sectorgraph.analysis.io.IoTableCsvReader;
import uk.sectorgraph.analysis.io.IoTableFormatException;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.cli.ImportContext;
import uk.sectorgraph.importer.cli.SourceCommand;
import uk.sectorgraph.reference.IndustryLoader;

/**
 * Another year's ONS input-output analytical tables (industry by industry), exported sheet by sheet
 * to CSV in the layout of the shipped 2020 files. The whole table is small, so it is read, checked
 * in full, and written in one transaction: a bad file writes nothing.
 */
@Command(name = "io-table", mixinStandardHelpOptions = true,
    description = "ONS input-output analytical tables (industry by industry) for a year: the IOT (domestic use, £m) "
        + "and A (coefficients) sheets as CSV, laid out like the shipped 2020 files.")
public final class IoTableCommand extends SourceCommand {

  @Option(names = "--year", required = true, description = "The table's year, e.g. 2019")
  int year;

  @Option(names = "--iot", required = true, paramLabel = "FILE", description = "The IOT sheet (domestic use, £ million) as CSV")
  Path domesticUse;

  @Option(names = "--coefficients", required = true, paramLabel = "FILE", description = "The A sheet (coefficients) as CSV")
  Path coefficients;

  private IoTable table;

  @Override
  protected void checkFiles() {
    for (Path file : new Path[] {domesticUse, coefficients}) {
      if (!Files.isReadable(file)) {
        throw new BadFileException(file.toString(), "cannot be read");
      }
    }
    try {
      table = IoTableCsvReader.read(year, domesticUse, coefficients);
    } catch (IoTableFormatException e) {
      throw new BadFileException(domesticUse + " / " + coefficients, e.getMessage());
    } catch (java.io.IOException e) {
      throw new BadFileException(domesticUse + " / " + coefficients, "cannot be read: " + e.getMessage());
    }
  }

  @Override
  protected ImportSummary run(ImportContext context) {
    long started = System.nanoTime();
    var store = context.store();
    try (Session session = store.session()) {
      long existed = session.executeRead(tx -> tx.run("MATCH (t:IoTable {year: $year}) RETURN count(t) AS n",
          java.util.Map.of("year", year)).single().get("n").asLong());
      int industries = IndustryLoader.writeTable(session, table, IndustryLoader.sourceFor(year));
      return new ImportSummary("io-table", 2, industries, existed == 0 ? industries : 0, existed == 0 ? 0 : industries, 0, 0,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
