package uk.sectorgraph.importer.postcodes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.cli.ImportContext;
import uk.sectorgraph.importer.cli.SourceCommand;

@Command(name = "postcodes", mixinStandardHelpOptions = true,
    description = "ONS postcode directory (ONSPD/NSPL CSV or zip): Postcode nodes with their local authority and LEPs;"
        + " companies at changed postcodes are re-linked.")
public final class PostcodesCommand extends SourceCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Directory release date. Default: today")
  LocalDate asOf;

  @Override
  protected ImportSummary run(ImportContext context) {
    return new PostcodesImport(context.driver(), context.database(), new PostcodesImport.Options(
        context.dataDirectory(), context.rejectsDirectory(), context.batchSize(), asOf)).run(files);
  }
}
