package uk.sectorgraph.importer.companies;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.cli.ImportCommand;

@Command(name = "initial-load", mixinStandardHelpOptions = true,
    description = {
        "First load of a whole register (BasicCompanyData, and optionally the postcode directory) into the embedded",
        "store with Neo4j's offline bulk importer: many times faster than 'companies', for a store that holds only",
        "reference data and the sample region. The server must be stopped. Resumes after a kill. Later snapshots go",
        "in with 'companies' as usual."})
public final class InitialLoadCommand implements Callable<Integer> {

  @ParentCommand
  ImportCommand global;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "BasicCompanyData-YYYY-MM-DD*.csv or .zip, in order")
  List<Path> files;

  @Option(names = "--postcodes", paramLabel = "FILE",
      description = "ONSPD/NSPL postcode directory CSV or zip (repeatable); postcodes already in the store are kept")
  List<Path> postcodes = List.of();

  @Option(names = "--postcodes-as-of", paramLabel = "YYYY-MM-DD", description = "Date of the postcode directory. Default: today")
  LocalDate postcodesAsOf;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "Snapshot date. Default: the date in the file name (BasicCompanyData-YYYY-MM-DD...), else today")
  LocalDate asOf;

  @Option(names = "--import-memory", paramLabel = "SIZE", defaultValue = "2G",
      description = "Off-heap memory Neo4j's bulk importer may use (its --max-off-heap-memory). Default: ${DEFAULT-VALUE}")
  String importMemory;

  @Override
  public Integer call() {
    ImportSummary summary = new InitialLoad(new InitialLoad.Options(global.storeSettings(), global.rejectsDirectory(),
        global.batchSize(), asOf, postcodes, postcodesAsOf, importMemory)).run(files);
    summary.print(System.out);
    return summary.exitCode();
  }
}
