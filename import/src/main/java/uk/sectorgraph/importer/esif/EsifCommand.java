package uk.sectorgraph.importer.esif;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.cli.ImportContext;
import uk.sectorgraph.importer.cli.SourceCommand;

@Command(name = "esif", mixinStandardHelpOptions = true,
    description = "England ESIF 2014-2020 list of beneficiaries (CSV): FundingStreams per fund and LEP area, RECEIVED per project.")
public final class EsifCommand extends SourceCommand {

  @Parameters(arity = "1", paramLabel = "FILE")
  Path file;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Publication date of the list. Default: 2016-10-01")
  LocalDate asOf = LocalDate.of(2016, 10, 1);

  @Override
  protected ImportSummary run(ImportContext context) {
    try (RejectsFile rejects = RejectsFile.in(context.rejectsDirectory(), EsifImport.SOURCE)) {
      return new EsifImport(context.store()).run(file,
          new EsifImport.Options("esif-beneficiaries-" + asOf, asOf, context.batchSize()), rejects);
    }
  }
}
