package uk.sectorgraph.importer.psc;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.cli.ImportContext;
import uk.sectorgraph.importer.cli.SourceCommand;

@Command(name = "psc", mixinStandardHelpOptions = true,
    description = "Companies House PSC snapshot (JSON lines, all parts): CONTROLS from persons or UK-registered companies.")
public final class PscCommand extends SourceCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Snapshot date. Default: the date in the file name, else today")
  LocalDate asOf;

  @Override
  protected ImportSummary run(ImportContext context) {
    LocalDate date = asOf != null ? asOf : dateInName(files.getFirst());
    try (RejectsFile rejects = RejectsFile.in(context.rejectsDirectory(), PscImport.SOURCE)) {
      PscImport.Result result = new PscImport(context.store()).run(files,
          new PscImport.Options("companies-house-psc-" + date, date, context.batchSize(), context.dataDirectory()), rejects);
      result.notes().forEach(System.out::println);
      return result.summary();
    }
  }

  static LocalDate dateInName(Path file) {
    var m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(file.getFileName().toString());
    return m.find() ? LocalDate.parse(m.group(1)) : LocalDate.now();
  }
}
