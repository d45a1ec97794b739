package uk.sectorgraph.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sample region as rows ready for UNWIND: every list is a list of parameter maps. */
public record SampleData(
    List<SampleOrganisation> organisations,
    List<Map<String, Object>> supplierLinks,
    List<Map<String, Object>> people,
    List<Map<String, Object>> officerRoles,
    List<Map<String, Object>> control,
    List<Map<String, Object>> fundingStreams,
    List<Map<String, Object>> awards,
    List<Map<String, Object>> partnerships,
    List<Map<String, Object>> members,
    List<Map<String, Object>> groupings) {

  static final class Builder {
    private final List<SampleOrganisation> organisations = new ArrayList<>();
    final List<Map<String, Object>> supplierLinks = new ArrayList<>();
    final List<Map<String, Object>> people = new ArrayList<>();
    final List<Map<String, Object>> officerRoles = new ArrayList<>();
    final List<Map<String, Object>> control = new ArrayList<>();
    final List<Map<String, Object>> fundingStreams = new ArrayList<>();
    final List<Map<String, Object>> awards = new ArrayList<>();
    final List<Map<String, Object>> partnerships = new ArrayList<>();
    final List<Map<String, Object>> members = new ArrayList<>();
    final List<Map<String, Object>> groupings = new ArrayList<>();

    SampleOrganisation organisation(SampleOrganisation o) {
      organisations.add(o);
      return o;
    }

    List<SampleOrganisation> organisations() {
      return organisations;
    }

    SampleData build() {
      return new SampleData(List.copyOf(organisations), supplierLinks, people, officerRoles, control,
          fundingStreams, awards, partnerships, members, groupings);
    }
  }
}
