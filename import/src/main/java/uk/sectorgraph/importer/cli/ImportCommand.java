package uk.sectorgraph.importer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.ImportRefusedException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.bench.BenchCommand;
import uk.sectorgraph.importer.companies.CompaniesCommand;
import uk.sectorgraph.importer.postcodes.PostcodesCommand;
import uk.sectorgraph.importer.psc.PscCommand;
import uk.sectorgraph.importer.esif.EsifCommand;
import uk.sectorgraph.importer.grants.GrantsCommand;
import uk.sectorgraph.importer.officers.OfficersCommand;
import uk.sectorgraph.importer.supplylinks.SupplyLinksCommand;
import uk.sectorgraph.store.StoreSettings;

/**
 * {@code java -jar sector-graph-import.jar <source> [options] files...}. Global options default to the
 * SECTORGRAPH_* environment variables, exactly as the server reads them, and may be given before or
 * after the source name. Exit codes: 0 clean, 3 rows rejected, 2 bad file, 1 failure.
 */
@Command(name = "sector-graph-import", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    description = "Imports public data sources into the Sector Graph.",
    footer = {"", "Exit codes: 0 clean, 3 some rows rejected (see the rejects file), 2 bad file, 1 failure."})
public final class ImportCommand implements Runnable {

  /** Every source subcommand, in help order. Add yours here: one line, one class extending SourceCommand. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      CompaniesCommand.class,
      uk.sectorgraph.importer.companies.InitialLoadCommand.class,
      PostcodesCommand.class,
      PscCommand.class,
      GrantsCommand.class,
      SupplyLinksCommand.class,
      EsifCommand.class,
      OfficersCommand.class,
      uk.sectorgraph.importer.iotable.IoTableCommand.class,
      uk.sectorgraph.importer.backup.BackupCommands.Backup.class,
      uk.sectorgraph.importer.backup.BackupCommands.Restore.class,
      BenchCommand.class,
      uk.sectorgraph.importer.bench.SyntheticCommand.class);

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Data directory (embedded store, checkpoints). Default: $" + StoreSettings.DATA_DIR + " or ./data")
  Path dataDir;

  @Option(names = "--bolt-port", scope = ScopeType.INHERIT, paramLabel = "PORT",
      description = "Bolt port of the running server / embedded DBMS. Default: $" + StoreSettings.BOLT_PORT + " or 7687")
  Integer boltPort;

  @Option(names = "--neo4j-uri", scope = ScopeType.INHERIT, paramLabel = "URI",
      description = "External Neo4j (bolt://, neo4j://, neo4j+s://). Default: $" + StoreSettings.URI + " or embedded")
  String neo4jUri;

  @Option(names = "--neo4j-user", scope = ScopeType.INHERIT, paramLabel = "USER",
      description = "Default: $" + StoreSettings.USER + " or neo4j")
  String neo4jUser;

  @Option(names = "--neo4j-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
      description = "Default: $" + StoreSettings.PASSWORD + " or the embedded store's generated password file")
  String neo4jPassword;

  @Option(names = "--database", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Default: $" + StoreSettings.DATABASE + " or the server default")
  String database;

  @Option(names = "--rejects-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Where <source>-<timestamp>.rejects.csv files go. Default: <data dir>/rejects")
  Path rejectsDir;

  @Option(names = "--batch-size", scope = ScopeType.INHERIT, paramLabel = "ROWS",
      description = "Rows per write transaction. Default: " + BatchWriter.DEFAULT_BATCH_SIZE)
  int batchSize = BatchWriter.DEFAULT_BATCH_SIZE;

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ImportCommand());
    for (Class<?> subcommand : SUBCOMMANDS) {
      cli.addSubcommand(subcommand);
    }
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof BadFileException) {
        err.println("Bad file: " + e.getMessage());
        err.flush();
        return ImportSummary.EXIT_BAD_FILE;
      }
      if (e instanceof ImportRefusedException) {
        err.println("Import stopped: " + e.getMessage());
        err.flush();
        return ImportSummary.EXIT_FAILURE;
      }
      err.println("Import failed: " + e);
      e.printStackTrace(err);
      err.flush();
      return ImportSummary.EXIT_FAILURE;
    });
    return cli;
  }

  /** The SECTORGRAPH_* environment, overridden by whatever options were given. */
  public StoreSettings storeSettings() {
    StoreSettings env = StoreSettings.fromEnvironment(System.getenv());
    return new StoreSettings(
        dataDirectory(),
        boltPort != null ? boltPort : env.boltPort(),
        neo4jPassword != null ? neo4jPassword : env.password(),
        neo4jUri != null ? neo4jUri : env.externalUri(),
        neo4jUser != null ? neo4jUser : env.user(),
        database != null ? database : env.database(),
        env.pageCacheMemory());
  }

  public Path dataDirectory() {
    return dataDir != null ? dataDir : StoreSettings.fromEnvironment(System.getenv()).dataDirectory();
  }

  public Path rejectsDirectory() {
    return rejectsDir != null ? rejectsDir : dataDirectory().resolve("rejects");
  }

  public int batchSize() {
    return batchSize;
  }
}
