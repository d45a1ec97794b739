package uk.sectorgraph.api.curation;

import java.util.List;

/** The GraphQL inputs and payloads of the curation mutations. */
final class CurationInputs {

  private CurationInputs() {}

  record CreatePartnershipInput(String id, String name, String description, List<String> focusSectors, String areaCode) {}

  record UpdatePartnershipInput(String id, String name, String description, List<String> focusSectors, String areaCode) {}

  record PartnershipMemberInput(String partnershipId, String organisationId, String role, String since) {}

  record RemovePartnershipMemberInput(String partnershipId, String organisationId) {}

  record SupplierLinkInput(String supplierId, String customerId, String what, Double valueGbp, String evidence) {}

  record RemoveSupplierLinkInput(String supplierId, String customerId) {}

  record CreateFundingStreamInput(String id, String funder, String funderId, String programme, Double amountGbp,
      String opensOn, String closesOn, List<String> eligibleSectors, List<String> eligibleAreas) {}

  record UpdateFundingStreamInput(String id, String funder, String programme, Double amountGbp, String opensOn,
      String closesOn, List<String> eligibleSectors, List<String> eligibleAreas) {}

  record CreateSectorGroupingInput(String id, String name, String description, List<String> sectors) {}

  record PartnershipPayload(Object partnership) {}

  record MembershipPayload(Object membership) {}

  record SupplyLinkPayload(Object supplyLink) {}

  record FundingStreamPayload(Object fundingStream) {}

  record SectorGroupingPayload(Object sectorGrouping) {}

  record DeletePayload(String id, boolean deleted) {}
}
