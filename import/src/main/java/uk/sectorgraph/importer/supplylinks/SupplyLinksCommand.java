package uk.sectorgraph.importer.supplylinks;

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

@Command(name = "supply-links", mixinStandardHelpOptions = true,
    description = "Curated supplier -> customer links (CSV supplier_id,customer_id,what,value_gbp,source)"
        + " between organisations already in the graph.")
public final class SupplyLinksCommand extends SourceCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--source", description = "Provenance label. Default: curated")
  String source = "curated";

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Date of the list. Default: today")
  LocalDate asOf;

  @Override
  protected ImportSummary run(ImportContext context) {
    try (RejectsFile rejects = RejectsFile.in(context.rejectsDirectory(), SupplyLinksImport.SOURCE)) {
      return new SupplyLinksImport(context.store()).run(files, new SupplyLinksImport.Options(source,
          asOf != null ? asOf : LocalDate.now(), context.batchSize()), rejects);
    }
  }
}
