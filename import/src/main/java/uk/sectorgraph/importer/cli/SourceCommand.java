package uk.sectorgraph.importer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;
import uk.sectorgraph.importer.batch.DiskRoom;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;

/**
 * Base of every source subcommand: opens the store from the global options, runs the import, prints
 * the summary, refreshes the per-area aggregates if the import changed anything, and returns the
 * summary's exit code. Failures are mapped to exit codes by {@link ImportCommand}.
 */
public abstract class SourceCommand implements Callable<Integer> {

  @ParentCommand
  protected ImportCommand global;

  /**
   * Checks the input files before the store is opened (which takes seconds), so that a wrong file fails
   * at once with a {@link uk.sectorgraph.importer.batch.BadFileException}. Default: nothing to check.
   */
  protected void checkFiles() {}

  /** Imports; the store is open and closed around it. */
  protected abstract ImportSummary run(ImportContext context) throws Exception;

  @Override
  public final Integer call() throws Exception {
    checkFiles();
    StoreSettings settings = global.storeSettings();
    try (DiskRoom.Guard diskGuard = diskGuard(settings); GraphStore store = GraphStore.attach(settings)) {
      ImportContext context = new ImportContext(store, global.dataDirectory(), global.rejectsDirectory(), global.batchSize());
      boolean earlierChangesPending = AreaSectorAggregates.beginChanges(store);
      ImportSummary summary = run(context);
      AreaSectorAggregates.refreshAfterImport(store, earlierChangesPending, summary.created() + summary.updated() > 0);
      summary.print(System.out);
      return summary.exitCode();
    }
  }

  /** On the embedded store the disk is ours to watch; an external Neo4j watches its own. */
  private static DiskRoom.Guard diskGuard(StoreSettings settings) {
    if (!settings.embedded()) {
      return () -> {};
    }
    DiskRoom room = DiskRoom.fromEnvironment(settings.dataDirectory(), System.getenv());
    room.check("Nothing was imported.");
    return room.guardEveryBatch("Free some space and run the same command again: it resumes after the last committed batch.");
  }
}
