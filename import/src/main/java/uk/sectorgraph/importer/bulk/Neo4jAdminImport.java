package uk.sectorgraph.importer.bulk;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Runs Neo4j's own offline bulk importer ({@code neo4j-admin database import full}) in this process,
 * against the embedded store's home directory. It writes store files directly, in parallel and without
 * transactions, so it is an order of magnitude faster than any Cypher import; the price is that it
 * replaces the whole database and needs the DBMS stopped. We call its command-line entry point (its
 * options are Neo4j's documented, stable interface) rather than the internal batch-import classes.
 */
public final class Neo4jAdminImport {

  /** What to import: node and relationship files written with {@link AdminImportCsv}. */
  public record Request(Path neo4jHome, String database, List<Path> nodeFiles, List<Path> relationshipFiles,
      Path reportFile, String maxOffHeapMemory) {}

  private Neo4jAdminImport() {}

  /** @throws IllegalStateException with Neo4j's own message when the import fails */
  public static void run(Request request, PrintStream out, PrintStream err) {
    List<String> args = new ArrayList<>();
    for (Path nodes : request.nodeFiles()) {
      args.add("--nodes=" + nodes.toAbsolutePath());
    }
    for (Path relationships : request.relationshipFiles()) {
      args.add("--relationships=" + relationships.toAbsolutePath());
    }
    args.add("--id-type=string");
    args.add("--array-delimiter=" + AdminImportCsv.ARRAY_DELIMITER);
    args.add("--overwrite-destination=true");
    args.add("--bad-tolerance=0");
    args.add("--report-file=" + request.reportFile().toAbsolutePath());
    args.add("--max-off-heap-memory=" + request.maxOffHeapMemory());
    args.add(request.database());

    // Neo4j refuses a relative home ("is not an absolute path"), and --data-dir may well be relative.
    Path home = request.neo4jHome().toAbsolutePath().normalize();
    ExecutionContext context = new ExecutionContext(home, home.resolve("conf"),
        out, err, new DefaultFileSystemAbstraction());
    CommandLine command = new CommandLine(new ImportCommand.Full(context));
    int exit = command.execute(args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("neo4j-admin database import failed (exit " + exit + "); see the lines above and "
          + request.reportFile().toAbsolutePath());
    }
  }
}
