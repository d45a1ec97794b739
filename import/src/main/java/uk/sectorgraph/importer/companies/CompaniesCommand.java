package uk.sectorgraph.importer.companies;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.cli.ImportContext;
import uk.sectorgraph.importer.cli.SourceCommand;

@Command(name = "companies", mixinStandardHelpOptions = true,
    description = "Companies House BasicCompanyData: CSV files or zips of CSV parts, imported in order (later rows win).")
public final class CompaniesCommand extends SourceCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "BasicCompanyData-YYYY-MM-DD*.csv or .zip")
  List<Path> files;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
      description = "Snapshot date. Default: the date in the file name (BasicCompanyData-YYYY-MM-DD...), else today")
  LocalDate asOf;

  @Option(names = "--full-snapshot",
      description = "The files are the complete register: mark companies not in them missingFromSnapshot (never deleted)")
  boolean fullSnapshot;

  @Override
  protected ImportSummary run(ImportContext context) {
    return new CompaniesImport(context.driver(), context.database(), new CompaniesImport.Options(
        context.dataDirectory(), context.rejectsDirectory(), context.batchSize(), asOf, fullSnapshot)).run(files);
  }
}
