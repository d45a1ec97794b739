package uk.sectorgraph.importer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.sectorgraph.importer.postcodes.PostcodeFormat;

class SyntheticCommandTest {

  @Test
  void syntheticPostcodesAreDistinctValidlyShapedAndNeverReal() {
    Set<String> seen = new HashSet<>();
    for (int g = 0; g < 2_500_000; g += 7) {
      String code = SyntheticCommand.postcode(g);
      assertThat(PostcodeFormat.normalise(code)).as(code).isEqualTo(code);
      assertThat(code).startsWith("Q");
      assertThat(seen.add(code)).as("duplicate " + code).isTrue();
    }
  }

  @Test
  void writesPartsInThePublishedFormatOverEveryLocalAuthority(@TempDir Path out) throws Exception {
    int exit = new CommandLine(new SyntheticCommand()).execute("--companies", "2500", "--part-size", "1000", "--out", out.toString());

    assertThat(exit).isZero();
    List<Path> parts;
    try (Stream<Path> files = Files.list(out)) {
      parts = files.filter(p -> p.getFileName().toString().startsWith("BasicCompanyData")).sorted().toList();
    }
    assertThat(parts).hasSize(3);
    List<String> last = Files.readAllLines(parts.get(2));
    assertThat(last.getFirst()).isEqualTo(SyntheticData.header());
    assertThat(last).hasSize(501);
    assertThat(last.get(1)).startsWith("\"SYNTHETIC 002000 LTD\",\"90002000\"");
    List<String> postcodes = Files.readAllLines(out.resolve("NSPL-SYNTHETIC.csv"));
    assertThat(postcodes.stream().skip(1).map(l -> l.split(",")[1]).distinct()).hasSize(SyntheticCommand.lads().size());
    assertThat(SyntheticCommand.lads()).hasSize(317);
  }
}
