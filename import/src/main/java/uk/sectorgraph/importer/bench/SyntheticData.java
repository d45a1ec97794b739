package uk.sectorgraph.importer.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic BasicCompanyData in the real format (the published header, every value quoted, DD/MM/YYYY
 * dates) with a matching postcode file. Every company name says SYNTHETIC so nobody mistakes it for
 * register data. Deterministic for a given seed.
 */
public final class SyntheticData {

  /** A realistic spread of common Companies House SIC codes (UK SIC 2007, 5-digit). */
  static final List<String> SIC = List.of(
      "62020 - Information technology consultancy activities", "70229 - Management consultancy activities other than financial management",
      "68209 - Other letting and operating of own or leased real estate", "96090 - Other service activities n.e.c.",
      "82990 - Other business support service activities n.e.c.", "41100 - Development of building projects",
      "43390 - Other building completion and finishing", "47910 - Retail sale via mail order houses or via Internet",
      "56101 - Licensed restaurants", "86900 - Other human health activities", "49410 - Freight transport by road",
      "99999 - Dormant Company", "64209 - Activities of other holding companies n.e.c.", "74909 - Other professional, scientific and technical activities n.e.c.",
      "25620 - Machining", "20140 - Manufacture of other organic basic chemicals", "10710 - Manufacture of bread; manufacture of fresh pastry goods and cakes",
      "29320 - Manufacture of other parts and accessories for motor vehicles", "71129 - Other engineering activities",
      "72190 - Other research and experimental development on natural sciences and engineering", "85590 - Other education n.e.c.",
      "93130 - Fitness facilities", "45112 - Sale of used cars and light motor vehicles", "01110 - Growing of cereals (except rice), leguminous crops and oil seeds");
  static final int LOCAL_AUTHORITIES = 20;
  static final int POSTCODES = 5_000;
  private static final String[] AREAS = {"TS", "DL", "NE", "SR", "LS", "BD", "HG", "YO", "M", "B", "S", "L", "G", "EH"};

  private SyntheticData() {}

  static String header() {
    try (InputStream in = SyntheticData.class.getClassLoader().getResourceAsStream("basic_company_data_header.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String localAuthority(int i) {
    return String.format(Locale.ROOT, "E06%06d", 900 + i);
  }

  static List<String> postcodes() {
    SplittableRandom random = new SplittableRandom(7);
    List<String> codes = new ArrayList<>(POSTCODES);
    for (int i = 0; i < POSTCODES; i++) {
      String area = AREAS[i % AREAS.length];
      codes.add(area + (1 + i % 20) + " " + (i % 10) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
    }
    return codes.stream().distinct().toList();
  }

  /** ONSPD-shaped: pcds, oslaua, lep1, lep2. */
  public static void writePostcodes(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("pcds,oslaua,lep1,lep2\n");
      List<String> codes = postcodes();
      for (int i = 0; i < codes.size(); i++) {
        out.write("\"" + codes.get(i) + "\",\"" + localAuthority(i % LOCAL_AUTHORITIES) + "\",\"E37000034\",\"E99999999\"\n");
      }
    }
  }

  public static void writeCompanies(Path file, int rows, long seed) throws IOException {
    writeCompanies(file, rows, seed, postcodes(), SIC, 0);
  }

  /**
   * Companies with registered offices drawn from {@code postcodes} and SIC codes from {@code sic};
   * company numbers start at 90,000,000 + {@code firstNumber} so that several files never collide.
   */
  static void writeCompanies(Path file, int rows, long seed, List<String> postcodes, List<String> sic, int firstNumber)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String[] values = new String[55];
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(header());
      out.write('\n');
      for (int i = 0; i < rows; i++) {
        java.util.Arrays.fill(values, "");
        String number = String.format(Locale.ROOT, "%08d", 90_000_000 + firstNumber + i);
        LocalDate incorporated = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 64));
        int statusDraw = random.nextInt(100);
        String status = statusDraw < 88 ? "Active" : statusDraw < 95 ? "Active - Proposal to Strike off" : "Liquidation";
        values[0] = String.format(Locale.ROOT, "SYNTHETIC %06d LTD", firstNumber + i);
        values[1] = number;
        values[4] = (1 + random.nextInt(200)) + " SYNTHETIC STREET";
        values[6] = "SYNTHTOWN";
        values[8] = "ENGLAND";
        values[9] = postcodes.get(random.nextInt(postcodes.size()));
        values[10] = random.nextInt(20) == 0 ? "PRI/LTD BY GUAR/NSC (Private, limited by guarantee, no share capital)" : "Private Limited Company";
        values[11] = status;
        values[12] = "United Kingdom";
        values[14] = date(incorporated);
        values[15] = "31";
        values[16] = "3";
        int sics = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
        for (int s = 0; s < sics; s++) {
          values[26 + s] = sic.get(random.nextInt(sic.size()));
        }
        values[32] = "http://business.data.gov.uk/id/company/" + number;
        if (random.nextInt(10) == 0) {
          values[33] = date(incorporated.plusDays(30));
          values[34] = String.format(Locale.ROOT, "SYNTHETIC FORMER %06d LIMITED", firstNumber + i);
        }
        for (int v = 0; v < values.length; v++) {
          if (v > 0) {
            out.write(',');
          }
          out.write('"');
          out.write(values[v]);
          out.write('"');
        }
        out.write('\n');
      }
    }
  }

  private static String date(LocalDate d) {
    return String.format(Locale.ROOT, "%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }
}
