package uk.sectorgraph.importer.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a national-scale synthetic register, in the real published formats, for scale tests of the
 * importer and the API: BasicCompanyData CSV parts and an NSPL-shaped postcode file. Offices are spread
 * over England's 317 real local authorities in proportion to their LSOA counts (a population proxy);
 * SIC codes favour the common ones but cover every subclass. Postcodes start with Q, which no real
 * UK postcode does, and every company name says SYNTHETIC, so none of it can pass for register data.
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
    description = "Write a synthetic national-scale BasicCompanyData file set and postcode file (labelled SYNTHETIC) for scale tests.")
public final class SyntheticCommand implements Callable<Integer> {

  private static final String LADS = "reference/geography/lad19_to_lep17_derived.csv";
  private static final String SIC_TREE = "reference/sic/uk_sic_2007_5digit_with_hierarchy.csv";
  /** How much likelier each of the common codes is than any other subclass. */
  private static final int COMMON_SIC_WEIGHT = 70;

  @Option(names = "--companies", defaultValue = "1000000", description = "Companies to write (default ${DEFAULT-VALUE})")
  int companies;

  @Option(names = "--part-size", defaultValue = "250000", description = "Companies per CSV part, as Companies House splits the product (default ${DEFAULT-VALUE})")
  int partSize;

  @Option(names = "--postcodes-per-lsoa", defaultValue = "1", description = "Postcodes per LSOA of each local authority (default ${DEFAULT-VALUE})")
  int postcodesPerLsoa;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--out", required = true, description = "Directory to write into")
  Path out;

  record Lad(String code, int lsoas) {}

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    List<String> postcodes = writePostcodes(out.resolve("NSPL-SYNTHETIC.csv"));
    List<String> sic = sicPool();
    int parts = (companies + partSize - 1) / partSize;
    for (int part = 0; part < parts; part++) {
      int first = part * partSize;
      int rows = Math.min(partSize, companies - first);
      Path file = out.resolve(String.format(Locale.ROOT, "BasicCompanyData-2025-01-01-SYNTHETIC-part%d_%d.csv", part + 1, parts));
      SyntheticData.writeCompanies(file, rows, seed + part, postcodes, sic, first);
      System.out.printf(Locale.ROOT, "wrote %,d companies to %s%n", rows, file);
    }
    System.out.printf(Locale.ROOT, "wrote %,d postcodes to %s%n", postcodes.size(), out.resolve("NSPL-SYNTHETIC.csv"));
    return 0;
  }

  private List<String> writePostcodes(Path file) throws IOException {
    List<String> codes = new ArrayList<>();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("pcds,oslaua\n");
      List<Lad> lads = lads();
      for (int l = 0; l < lads.size(); l++) {
        Lad lad = lads.get(l);
        for (int i = 0; i < lad.lsoas() * postcodesPerLsoa; i++) {
          String code = postcode(codes.size());
          codes.add(code);
          w.write(code + "," + lad.code() + "\n");
        }
      }
    }
    return codes;
  }

  /**
   * The g-th synthetic postcode: "Q", a letter, a district (digit plus optional letter or digit) and an
   * inward code, so up to 63 million distinct codes of a valid UK shape.
   */
  static String postcode(int g) {
    int inward = g % 6760;
    int outward = g / 6760;
    int district = outward / 26;
    String second = district < 10 ? "" : String.valueOf("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(district / 10 - 1));
    return "Q" + (char) ('A' + outward % 26) + (district % 10) + second + " "
        + (inward / 676) + (char) ('A' + inward / 26 % 26) + (char) ('A' + inward % 26);
  }

  static List<Lad> lads() {
    List<Lad> lads = new ArrayList<>();
    for (CSVRecord r : read(LADS)) {
      lads.add(new Lad(r.get("LAD19CD"), Math.max(1, Integer.parseInt(r.get("lsoa_count")))));
    }
    return lads;
  }

  static List<String> sicPool() {
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < COMMON_SIC_WEIGHT; i++) {
      pool.addAll(SyntheticData.SIC);
    }
    for (CSVRecord r : read(SIC_TREE)) {
      pool.add(r.get("sic5") + " - " + r.get("description"));
    }
    return pool;
  }

  private static List<CSVRecord> read(String resource) {
    try (InputStream in = SyntheticCommand.class.getClassLoader().getResourceAsStream(resource);
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
