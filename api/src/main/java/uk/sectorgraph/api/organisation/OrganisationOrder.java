package uk.sectorgraph.api.organisation;

/** The GraphQL {@code OrganisationOrder} input: fields map to fixed properties, never to user text. */
public record OrganisationOrder(String field, String direction) {

  String cypher() {
    String property = switch (field) {
      case "NAME" -> "o.name";
      case "INCORPORATED_ON" -> "o.incorporatedOn";
      case "STATUS" -> "o.status";
      case "EMPLOYEES" -> "o.employees";
      case "ID" -> "o.id";
      default -> throw new IllegalArgumentException("Unknown sort field " + field);
    };
    return property + ("DESC".equals(direction) ? " DESC" : " ASC");
  }
}
