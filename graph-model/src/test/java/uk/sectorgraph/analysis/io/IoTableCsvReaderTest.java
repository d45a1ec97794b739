package uk.sectorgraph.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoTableCsvReaderTest {

  // A two-industry table in the ONS layout; the second code is quoted, with a comma and two spaces,
  // as the 2020 construction code is. CRLF line endings like the ONS files.
  private static final String USE = String.join("\r\n",
      "row_code,row_label,X01,\"Y02, Y03  & Y04\",_T,P3 S14,P62,TU",
      "X01,First industry,10,30,40,50,10,100",
      "\"Y02, Y03  & Y04\",Second industry,20,60,80,100,20,200",
      "_T,Total intermediate use at basic prices,30,90,120,,,",
      ",Use of imported products,5,10,,,,",
      ",Taxes less subsidies on products,1,2,,,,",
      "D1,Compensation of employees,40,50,,,,",
      "GVA,Gross value added,64,98,,,,",
      "P1,Total output at basic prices,100,200,,,,",
      "");
  private static final String COEFFICIENTS = String.join("\r\n",
      "row_code,row_label,X01,\"Y02, Y03  & Y04\"",
      "X01,First industry,0.1,0.15",
      "\"Y02, Y03  & Y04\",Second industry,0.2,0.3",
      "_T,Total,0.3,0.45",
      ",Use of imported products,0.05,0.05",
      "");

  @TempDir Path folder;

  @Test
  void readsATableInTheOnsLayoutSkippingRowsWithoutACode() throws IOException {
    IoTable table = IoTableCsvReader.read(2019, write("use.csv", USE), write("a.csv", COEFFICIENTS));

    assertThat(table.year()).isEqualTo(2019);
    assertThat(table.industryCodes()).containsExactly("X01", "Y02, Y03  & Y04");
    assertThat(table.industryNames()).containsExactly("First industry", "Second industry");
    assertThat(table.indexOf("Y02, Y03  & Y04")).isEqualTo(1);
    assertThat(table.indexOf("Z99")).isEqualTo(-1);
    assertThat(table.flowsGbpMillion()).isDeepEqualTo(new double[][] {{10, 30}, {20, 60}});
    assertThat(table.coefficients()).isDeepEqualTo(new double[][] {{0.1, 0.15}, {0.2, 0.3}});
    assertThat(table.outputGbpMillion()).containsExactly(100, 200);
    assertThat(table.compensationOfEmployees()).containsExactly(40, 50);
    // TU - _T: 100 - 40 and 200 - 80
    assertThat(table.finalDemandGbpMillion()).containsExactly(new double[] {60, 120}, within(0.0));
  }

  @Test
  void rejectsAFileWithAWrongHeaderNamingTheFileAndTheMissingColumn() throws IOException {
    Path use = write("not_an_iot.csv", USE.replace(",TU", ",Total use"));
    Path a = write("a.csv", COEFFICIENTS);

    assertThatThrownBy(() -> IoTableCsvReader.read(2020, use, a))
        .isInstanceOf(IoTableFormatException.class)
        .hasMessageContaining(use.toString())
        .hasMessageContaining("missing column 'TU'");
  }

  @Test
  void rejectsAFileThatDoesNotStartWithRowCodeAndRowLabel() throws IOException {
    Path use = write("use.csv", USE);
    Path a = write("wrong_first_column.csv", COEFFICIENTS.replace("row_code,row_label", "code,row_label"));

    assertThatThrownBy(() -> IoTableCsvReader.read(2020, use, a))
        .isInstanceOf(IoTableFormatException.class)
        .hasMessageContaining(a.toString())
        .hasMessageContaining("must be 'row_code' but is 'code'");
  }

  @Test
  void rejectsCoefficientsWhoseIndustryColumnsDifferFromTheFlowTable() throws IOException {
    Path use = write("use.csv", USE);
    Path a = write("a.csv", COEFFICIENTS.replace("row_label,X01,", "row_label,X09,"));

    assertThatThrownBy(() -> IoTableCsvReader.read(2020, use, a))
        .hasMessageContaining(a.toString())
        .hasMessageContaining("'X09'")
        .hasMessageContaining("'X01'");
  }

  @Test
  void aBadNumberIsReportedWithFileLineAndColumn() throws IOException {
    Path use = write("use.csv", USE.replace("Second industry,20,60", "Second industry,20,6O"));
    Path a = write("a.csv", COEFFICIENTS);

    assertThatThrownBy(() -> IoTableCsvReader.read(2020, use, a))
        .isInstanceOf(IoTableFormatException.class)
        .hasMessageContaining(use.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("column 'Y02, Y03  & Y04'")
        .hasMessageContaining("'6O' is not a number");
  }

  @Test
  void aMissingOutputRowIsReported() throws IOException {
    Path use = write("use.csv", USE.replace("P1,Total output", "P9,Total output"));
    Path a = write("a.csv", COEFFICIENTS);

    assertThatThrownBy(() -> IoTableCsvReader.read(2020, use, a))
        .hasMessageContaining(use.toString())
        .hasMessageContaining("missing row 'P1'");
  }

  @Test
  void industryRowsOutOfOrderAreReported() throws IOException {
    Path use = write("use.csv", USE);
    Path a = write("a.csv", COEFFICIENTS.replace("X01,First industry,0.1,0.15\r\n", "")
        .replace("_T,Total", "X01,First industry,0.1,0.15\r\n_T,Total"));

    assertThatThrownBy(() -> IoTableCsvReader.read(2020, use, a))
        .hasMessageContaining(a.toString() + ", line 2")
        .hasMessageContaining("'X01' was expected");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
  }
}
