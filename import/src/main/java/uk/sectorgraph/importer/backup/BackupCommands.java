package uk.sectorgraph.importer.backup;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.sectorgraph.importer.cli.ImportCommand;
import uk.sectorgraph.store.GraphStore;

/** {@code backup-curated FILE} and {@code restore-curated FILE}. */
public final class BackupCommands {

  private BackupCommands() {}

  @Command(name = "backup-curated", mixinStandardHelpOptions = true,
      description = "Save hand-curated data (partnerships, members, curated supplier links, sector groupings, "
          + "curated funding streams and awards) to a JSON file.")
  public static final class Backup implements Callable<Integer> {
    @ParentCommand
    ImportCommand global;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
      try (GraphStore store = GraphStore.attach(global.storeSettings())) {
        System.out.println("Saved " + new CuratedDataBackup(store).export(file) + " to " + file);
        return 0;
      }
    }
  }

  @Command(name = "restore-curated", mixinStandardHelpOptions = true,
      description = "Restore hand-curated data from a backup-curated JSON file (into an empty or existing store).")
  public static final class Restore implements Callable<Integer> {
    @ParentCommand
    ImportCommand global;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
      try (GraphStore store = GraphStore.attach(global.storeSettings())) {
        System.out.println("Restored " + new CuratedDataBackup(store).restore(file) + " from " + file);
        return 0;
      }
    }
  }
}
