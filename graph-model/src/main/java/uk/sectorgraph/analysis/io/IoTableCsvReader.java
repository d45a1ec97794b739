package uk.sectorgraph.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an ONS Input-Output Analytical Table, industry by industry, from the CSV form of two sheets
 * of the workbook: "IOT" (domestic use, £ million, with final-use columns) and "A" (direct
 * requirements). Works for any year published in that layout.
 *
 * <p>Layout expected of both files: a header {@code row_code,row_label,<industry codes>...}; then one
 * row per industry in the same order as the industry columns; then a {@code _T} row (total
 * intermediate use), which ends the industries. After {@code _T} come rows with an empty
 * {@code row_code} (imports, product taxes, purchasers' prices: skipped) and coded rows, of which the
 * IOT file must have {@code D1} (compensation of employees) and {@code P1} (output). In the IOT file
 * the industry columns end at a {@code _T} column and a {@code TU} (total use) column must follow.
 *
 * <p>Industry codes contain spaces, commas and ampersands ({@code B06 & B07},
 * {@code "F41, F42  & F43"}), so parsing is left to commons-csv and codes are compared exactly.
 * Line numbers in messages count the header as line 1 (the ONS files have no multi-line cells).
 */
public final class IoTableCsvReader {

  /** Classpath folder of the bundled 2020 tables (ONS, OGL v3.0; see ATTRIBUTION.md there). */
  public static final String BUNDLED_2020_FOLDER = "/reference/ioat/2020/";
  public static final String DOMESTIC_USE_2020_FILE = "ons_ioat_2020_ixi_iot_domestic_use.csv";
  public static final String COEFFICIENTS_2020_FILE = "ons_ioat_2020_ixi_A_coefficients.csv";

  private static final String ROW_CODE = "row_code";
  private static final String ROW_LABEL = "row_label";
  private static final String TOTAL_INTERMEDIATE = "_T";
  private static final String TOTAL_USE = "TU";
  private static final String COMPENSATION_OF_EMPLOYEES = "D1";
  private static final String OUTPUT = "P1";

  private IoTableCsvReader() {}

  /** Reads the table from the IOT domestic-use CSV and the A-coefficients CSV of one year. */
  public static IoTable read(int year, Path domesticUseCsv, Path coefficientsCsv) throws IOException {
    try (InputStream domesticUse = Files.newInputStream(domesticUseCsv);
        InputStream coefficients = Files.newInputStream(coefficientsCsv)) {
      return read(year, domesticUse, domesticUseCsv.toString(), coefficients, coefficientsCsv.toString());
    }
  }

  /**
   * Reads the table from two streams (UTF-8). The names are used only in error messages; the streams
   * are read to the end but not closed.
   */
  public static IoTable read(
      int year,
      InputStream domesticUseCsv,
      String domesticUseName,
      InputStream coefficientsCsv,
      String coefficientsName)
      throws IOException {
    Sheet use = Sheet.parse(domesticUseCsv, domesticUseName);
    Sheet direct = Sheet.parse(coefficientsCsv, coefficientsName);

    int totalColumn = use.requireColumn(TOTAL_INTERMEDIATE);
    int totalUseColumn = use.requireColumn(TOTAL_USE);
    List<String> codes = use.header.subList(2, totalColumn);
    if (codes.isEmpty()) {
      throw new IoTableFormatException(
          use.name + ": no industry columns between row_label and _T in the header");
    }
    direct.requireIndustryColumns(codes);
    use.readIndustryRows(codes);
    direct.readIndustryRows(codes);

    int n = codes.size();
    List<String> names = new ArrayList<>(n);
    double[][] flows = new double[n][n];
    double[][] coefficients = new double[n][n];
    double[] finalDemand = new double[n];
    for (int i = 0; i < n; i++) {
      CSVRecord useRow = use.industryRows.get(i);
      CSVRecord directRow = direct.industryRows.get(i);
      names.add(useRow.get(1).strip());
      for (int j = 0; j < n; j++) {
        flows[i][j] = use.number(useRow, 2 + j);
        coefficients[i][j] = direct.number(directRow, 2 + j);
      }
      // TU includes intermediate use; final demand is the rest of the row.
      finalDemand[i] = use.number(useRow, totalUseColumn) - use.number(useRow, totalColumn);
    }
    double[] output = use.industryValues(use.requireRow(OUTPUT), n);
    double[] compensation = use.industryValues(use.requireRow(COMPENSATION_OF_EMPLOYEES), n);
    return new IoTable(year, codes, names, coefficients, flows, output, finalDemand, compensation);
  }

  /**
   * The 2020 table bundled on the classpath under {@value #BUNDLED_2020_FOLDER}. Read once and shared:
   * {@link IoTable} is immutable.
   */
  public static IoTable bundled2020() {
    return Bundled2020.TABLE;
  }

  // Holder idiom: the files are read on first use, once, thread-safely.
  private static final class Bundled2020 {
    static final IoTable TABLE = load();

    private static IoTable load() {
      String usePath = BUNDLED_2020_FOLDER + DOMESTIC_USE_2020_FILE;
      String directPath = BUNDLED_2020_FOLDER + COEFFICIENTS_2020_FILE;
      try (InputStream use = resource(usePath);
          InputStream direct = resource(directPath)) {
        return read(2020, use, "classpath:" + usePath, direct, "classpath:" + directPath);
      } catch (IOException e) {
        throw new UncheckedIOException("bundled IOAT 2020 tables cannot be read", e);
      }
    }

    private static InputStream resource(String path) throws IOException {
      InputStream in = IoTableCsvReader.class.getResourceAsStream(path);
      if (in == null) {
        throw new IOException("missing classpath resource " + path);
      }
      return in;
    }
  }

  /** One parsed sheet: its header, industry rows (up to _T) and the coded rows after _T. */
  private static final class Sheet {
    final String name;
    final List<String> header;
    final List<CSVRecord> records;
    final List<CSVRecord> industryRows = new ArrayList<>();
    final Map<String, CSVRecord> rowsAfterTotal = new HashMap<>();

    private Sheet(String name, List<String> header, List<CSVRecord> records) {
      this.name = name;
      this.header = header;
      this.records = records;
    }

    static Sheet parse(InputStream in, String name) throws IOException {
      Objects.requireNonNull(in, name);
      // Not closed here: the caller owns the stream.
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      List<CSVRecord> records;
      try {
        records = CSVParser.parse(reader, CSVFormat.DEFAULT).getRecords();
      } catch (IOException | RuntimeException e) {
        throw new IoTableFormatException(name + ": not readable as CSV: " + e.getMessage(), e);
      }
      if (records.isEmpty()) {
        throw new IoTableFormatException(name + ": empty file, expected a header starting row_code,row_label");
      }
      List<String> header = new ArrayList<>(records.get(0).toList());
      if (!header.isEmpty()) {
        header.set(0, header.get(0).replace("\uFEFF", "")); // a BOM from Excel's "CSV UTF-8"
      }
      expectHeaderCell(name, header, 0, ROW_CODE);
      expectHeaderCell(name, header, 1, ROW_LABEL);
      return new Sheet(name, List.copyOf(header), records);
    }

    private static void expectHeaderCell(String name, List<String> header, int index, String expected)
        throws IoTableFormatException {
      String found = index < header.size() ? header.get(index) : null;
      if (!expected.equals(found)) {
        throw new IoTableFormatException(name + ": not an ONS IOAT industry-by-industry table: header column "
            + (index + 1) + " must be '" + expected + "' but is "
            + (found == null ? "missing" : "'" + found + "'"));
      }
    }

    int requireColumn(String column) throws IoTableFormatException {
      int index = header.indexOf(column);
      if (index < 0) {
        throw new IoTableFormatException(name + ": not an ONS IOAT industry-by-industry table: missing column '"
            + column + "' in the header");
      }
      return index;
    }

    /** The A sheet must have exactly the IOT sheet's industry columns, in the same order. */
    void requireIndustryColumns(List<String> codes) throws IoTableFormatException {
      for (int j = 0; j < codes.size(); j++) {
        int column = 2 + j;
        if (column >= header.size()) {
          throw new IoTableFormatException(name + ": missing column '" + codes.get(j) + "' in the header");
        }
        if (!codes.get(j).equals(header.get(column))) {
          throw new IoTableFormatException(name + ": header column " + (column + 1) + " is '"
              + header.get(column) + "' but the domestic-use table has '" + codes.get(j) + "' there");
        }
      }
      if (header.size() > 2 + codes.size()) {
        throw new IoTableFormatException(name + ": unexpected column '" + header.get(2 + codes.size())
            + "' after the " + codes.size() + " industry columns");
      }
    }

    /** Industry rows in header order, then the _T row; rows with an empty row_code are skipped. */
    void readIndustryRows(List<String> codes) throws IoTableFormatException {
      boolean totalSeen = false;
      for (CSVRecord record : records.subList(1, records.size())) {
        String code = record.get(0).strip();
        if (code.isEmpty()) {
          continue;
        }
        if (totalSeen) {
          rowsAfterTotal.putIfAbsent(code, record);
        } else if (TOTAL_INTERMEDIATE.equals(code)) {
          totalSeen = true;
        } else {
          int expected = industryRows.size();
          if (expected >= codes.size() || !codes.get(expected).equals(code)) {
            throw new IoTableFormatException(name + ", line " + record.getRecordNumber() + ": row_code '" + code
                + "' where " + (expected < codes.size() ? "'" + codes.get(expected) + "'" : "'_T'")
                + " was expected (industry rows must follow the industry columns' order)");
          }
          industryRows.add(record);
        }
      }
      if (!totalSeen) {
        throw new IoTableFormatException(name + ": no '_T' row after the industry rows");
      }
      if (industryRows.size() != codes.size()) {
        throw new IoTableFormatException(name + ": " + industryRows.size() + " industry rows before '_T', expected "
            + codes.size() + " (missing row '" + codes.get(industryRows.size()) + "')");
      }
    }

    CSVRecord requireRow(String code) throws IoTableFormatException {
      CSVRecord row = rowsAfterTotal.get(code);
      if (row == null) {
        throw new IoTableFormatException(name + ": missing row '" + code + "' after the '_T' row");
      }
      return row;
    }

    double[] industryValues(CSVRecord row, int n) throws IoTableFormatException {
      double[] values = new double[n];
      for (int j = 0; j < n; j++) {
        values[j] = number(row, 2 + j);
      }
      return values;
    }

    double number(CSVRecord record, int column) throws IoTableFormatException {
      String where = name + ", line " + record.getRecordNumber() + ", column '" + header.get(column) + "' ("
          + (column + 1) + ")";
      if (column >= record.size()) {
        throw new IoTableFormatException(where + ": the row has only " + record.size() + " cells");
      }
      String text = record.get(column).strip();
      try {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
          throw new NumberFormatException("not finite");
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IoTableFormatException(where + ": '" + text + "' is not a number", e);
      }
    }
  }
}
