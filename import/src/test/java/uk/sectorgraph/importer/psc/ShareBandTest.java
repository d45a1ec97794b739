package uk.sectorgraph.importer.psc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareBandTest {

  @Test
  void readsTheCompaniesHouseBands() {
    assertThat(ShareBand.ofShares(List.of("ownership-of-shares-25-to-50-percent"))).isEqualTo(new ShareBand(25, 50));
    assertThat(ShareBand.ofShares(List.of("ownership-of-shares-50-to-75-percent"))).isEqualTo(new ShareBand(50, 75));
    assertThat(ShareBand.ofShares(List.of("voting-rights-75-to-100-percent", "ownership-of-shares-75-to-100-percent")))
        .isEqualTo(new ShareBand(75, 100));
    assertThat(ShareBand.ofShares(List.of("ownership-of-shares-more-than-25-percent-registered-overseas-entity")))
        .isEqualTo(new ShareBand(25, 100));
    assertThat(ShareBand.ofShares(List.of("ownership-of-shares-25-to-50-percent-as-trust"))).isEqualTo(new ShareBand(25, 50));
  }

  @Test
  void votingRightsHaveTheirOwnBandAndDoNotStandInForShares() {
    List<String> natures = List.of("voting-rights-50-to-75-percent", "right-to-appoint-and-remove-directors");
    assertThat(ShareBand.ofVotingRights(natures)).isEqualTo(new ShareBand(50, 75));
    assertThat(ShareBand.ofShares(natures)).isNull();
  }

  @Test
  void companyNumbersArePaddedToEightCharacters() {
    assertThat(CompanyNumbers.normalise("3849195")).isEqualTo("03849195");
    assertThat(CompanyNumbers.normalise("SC12345")).isEqualTo("SC012345");
    assertThat(CompanyNumbers.normalise("OE029880")).isEqualTo("OE029880");
    assertThat(CompanyNumbers.normalise("IP28755R")).isEqualTo("IP28755R");
    assertThat(CompanyNumbers.normalise("41-0406690")).isNull();
  }
}
