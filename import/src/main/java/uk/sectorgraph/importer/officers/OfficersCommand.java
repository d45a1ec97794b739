package uk.sectorgraph.importer.officers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.cli.ImportContext;
import uk.sectorgraph.importer.cli.SourceCommand;

@Command(name = "officers", mixinStandardHelpOptions = true,
    description = "Companies House company profiles and officer lists: from saved API JSON files, or live for company"
        + " numbers when an API key is configured (--api-key or CH_API_KEY).")
public final class OfficersCommand extends SourceCommand {

  @Parameters(arity = "0..*", paramLabel = "FILE|NUMBER", description = "JSON files; in live mode, company numbers")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--api-key", description = "Companies House API key. Default: $CH_API_KEY", arity = "0..1", interactive = true)
  String apiKey;

  @Option(names = "--base-url", description = "Default: " + CompaniesHouseClient.DEFAULT_BASE_URL)
  String baseUrl = CompaniesHouseClient.DEFAULT_BASE_URL;

  @Option(names = "--numbers-file", description = "Company numbers, one per line (live mode)")
  Path numbersFile;

  @Override
  protected ImportSummary run(ImportContext context) throws Exception {
    String key = apiKey != null ? apiKey : System.getenv("CH_API_KEY");
    try (RejectsFile rejects = RejectsFile.in(context.rejectsDirectory(), OfficersImport.SOURCE)) {
      OfficersImport importer = new OfficersImport(context.store());
      if (key == null || key.isBlank()) {
        return importer.run(inputs.stream().map(Path::of).toList(),
            new OfficersImport.Options("companies-house-api-files", LocalDate.now()), rejects);
      }
      List<String> numbers = new ArrayList<>(inputs);
      if (numbersFile != null) {
        Files.readAllLines(numbersFile).stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(numbers::add);
      }
      return importer.fetch(new CompaniesHouseClient(baseUrl, key), numbers,
          new OfficersImport.Options("companies-house-api", LocalDate.now()), rejects);
    }
  }
}
