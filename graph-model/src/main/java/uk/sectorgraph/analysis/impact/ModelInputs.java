package uk.sectorgraph.analysis.impact;

import java.util.List;
import uk.sectorgraph.analysis.area.AreaLocalAuthority;
import uk.sectorgraph.analysis.area.CountMeasure;
import uk.sectorgraph.analysis.io.Regionalisation;

/**
 * The inputs behind every number of an {@link ImpactResult}: vectors are in {@code industryCodes} order.
 *
 * @param lambda       λ = [log2(1 + R/N)]^δ
 * @param regionTotal  R
 * @param nationTotal  N
 * @param coefficients the coefficients on the reported supply paths (and the localised pair)
 * @param sizeWeight   the rule used to allocate an industry's output change to organisations
 */
public record ModelInputs(int ioTableYear, Regionalisation regionalisation, double delta, double lambda,
    CountMeasure measure, List<AreaLocalAuthority> localAuthorities, List<String> industryCodes,
    List<Double> regionCounts, List<Double> nationCounts, double regionTotal, double nationTotal, List<Double> slq,
    List<CoefficientUsed> coefficients, String sizeWeight) {

  public ModelInputs {
    localAuthorities = List.copyOf(localAuthorities);
    industryCodes = List.copyOf(industryCodes);
    regionCounts = List.copyOf(regionCounts);
    nationCounts = List.copyOf(nationCounts);
    slq = List.copyOf(slq);
    coefficients = List.copyOf(coefficients);
  }
}
