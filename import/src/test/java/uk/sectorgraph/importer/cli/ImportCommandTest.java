package uk.sectorgraph.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.bench.BenchCommand;

class ImportCommandTest {

  @TempDir
  Path dir;

  @Test
  void globalOptionsMayFollowTheSourceName() {
    CommandLine cli = ImportCommand.commandLine();
    cli.parseArgs("companies", "--data-dir", dir.toString(), "--batch-size", "500", "--rejects-dir", "r", "x.csv");
    ImportCommand global = cli.getCommand();
    assertThat(global.dataDirectory()).isEqualTo(dir);
    assertThat(global.batchSize()).isEqualTo(500);
    assertThat(global.rejectsDirectory()).isEqualTo(Path.of("r"));
    assertThat(global.storeSettings().dataDirectory()).isEqualTo(dir);
  }

  @Test
  void benchTimesInitialLoadUnlessToldNotTo() {
    assertThat(benchInitialLoad()).isTrue();
    assertThat(benchInitialLoad("--initial-load")).isTrue();
    assertThat(benchInitialLoad("--no-initial-load")).isFalse();
  }

  private static boolean benchInitialLoad(String... options) {
    CommandLine cli = ImportCommand.commandLine();
    String[] args = new String[options.length + 1];
    args[0] = "bench";
    System.arraycopy(options, 0, args, 1, options.length);
    var parsed = cli.parseArgs(args);
    return ((BenchCommand) parsed.subcommand().commandSpec().userObject()).initialLoad();
  }

  @Test
  void aFileThatIsNotBasicCompanyDataExitsWithTwoBeforeOpeningTheStore() throws IOException {
    Path wrong = Files.writeString(dir.resolve("wrong.csv"), "a,b\n1,2\n");
    CommandLine cli = ImportCommand.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("companies", "--data-dir", dir.resolve("data").toString(), wrong.toString());

    assertThat(exit).isEqualTo(ImportSummary.EXIT_BAD_FILE);
    assertThat(err.toString()).contains("wrong.csv").contains("CompanyNumber");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void everySubcommandHasHelp() {
    CommandLine cli = ImportCommand.commandLine();
    assertThat(cli.getSubcommands()).containsKeys("companies", "postcodes", "bench");
    cli.getSubcommands().values().forEach(sub -> assertThat(sub.getCommandSpec().mixinStandardHelpOptions()).isTrue());
  }
}
