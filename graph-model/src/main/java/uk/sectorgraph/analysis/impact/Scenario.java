package uk.sectorgraph.analysis.impact;

import java.util.Objects;

/** A shock to run through the regional input-output model. */
public sealed interface Scenario {

  ScenarioKind kind();

  /**
   * Final demand grows by {@code gbpMillion}.
   *
   * @param code an IOAT industry code ({@code C20B}) or a SIC 2007 code at any level ({@code 20},
   *             {@code 20.1}, {@code 20140}); a SIC code that spans several industries is split
   *             between them by the area's company counts in the code's subclasses
   */
  record FinalDemand(String code, double gbpMillion) implements Scenario {
    public FinalDemand {
      Objects.requireNonNull(code, "code");
      requireFinite(gbpMillion);
    }

    @Override
    public ScenarioKind kind() {
      return ScenarioKind.FINAL_DEMAND;
    }
  }

  /**
   * A share of buyer industry j's purchases from supplier industry i that now come from outside the
   * area is bought inside instead: Δf_i = share · (a_ij − a_ij^r) · x_j^r.
   */
  record Localise(String supplierIndustry, String buyerIndustry, double share) implements Scenario {
    public Localise {
      Objects.requireNonNull(supplierIndustry, "supplierIndustry");
      Objects.requireNonNull(buyerIndustry, "buyerIndustry");
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be in [0, 1], was " + share);
      }
    }

    @Override
    public ScenarioKind kind() {
      return ScenarioKind.LOCALISE;
    }
  }

  /** The supplier sells £X m more to the customer: a demand shock on the supplier's primary industry. */
  record SupplyLink(String supplierId, String customerId, double gbpMillion) implements Scenario {
    public SupplyLink {
      Objects.requireNonNull(supplierId, "supplierId");
      Objects.requireNonNull(customerId, "customerId");
      requireFinite(gbpMillion);
    }

    @Override
    public ScenarioKind kind() {
      return ScenarioKind.SUPPLY_LINK;
    }
  }

  private static void requireFinite(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("amount must be finite, was " + value);
    }
  }
}
