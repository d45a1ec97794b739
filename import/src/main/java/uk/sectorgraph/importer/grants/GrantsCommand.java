package uk.sectorgraph.importer.grants;

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

@Command(name = "grants", mixinStandardHelpOptions = true,
    description = "360Giving grants (.json, or the spreadsheet CSV layout): FundingStreams per funder programme,"
        + " RECEIVED from recipients, FUNDS from funders.")
public final class GrantsCommand extends SourceCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--source", description = "Provenance label. Default: 360giving")
  String source = "360giving";

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Publication date of the data. Default: today")
  LocalDate asOf;

  @Override
  protected ImportSummary run(ImportContext context) {
    try (RejectsFile rejects = RejectsFile.in(context.rejectsDirectory(), GrantsImport.SOURCE)) {
      return new GrantsImport(context.store()).run(files,
          new GrantsImport.Options(source, asOf != null ? asOf : LocalDate.now(), context.batchSize()), rejects);
    }
  }
}
