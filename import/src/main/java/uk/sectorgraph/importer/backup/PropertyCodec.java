package uk.sectorgraph.importer.backup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neo4j property values to JSON and back without loss: integers stay integers, floats stay floats,
 * and dates and date-times are tagged ({"$date": "2024-01-31"}) so they come back as temporal values.
 */
final class PropertyCodec {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PropertyCodec() {}

  static ObjectNode encode(Map<String, Value> properties) {
    ObjectNode out = NODES.objectNode();
    properties.forEach((k, v) -> out.set(k, encode(v)));
    return out;
  }

  static JsonNode encode(Value v) {
    Object o = v.asObject();
    return encodeObject(o);
  }

  private static JsonNode encodeObject(Object o) {
    if (o == null) {
      return NODES.nullNode();
    }
    if (o instanceof String s) {
      return NODES.stringNode(s);
    }
    if (o instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (o instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (o instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (o instanceof LocalDate d) {
      return NODES.objectNode().put("$date", d.toString());
    }
    if (o instanceof ZonedDateTime t) {
      return NODES.objectNode().put("$datetime", t.toOffsetDateTime().toString());
    }
    if (o instanceof OffsetDateTime t) {
      return NODES.objectNode().put("$datetime", t.toString());
    }
    if (o instanceof List<?> list) {
      var array = NODES.arrayNode();
      list.forEach(item -> array.add(encodeObject(item)));
      return array;
    }
    throw new IllegalArgumentException("Unsupported property type " + o.getClass().getSimpleName());
  }

  static Map<String, Object> decode(JsonNode object) {
    Map<String, Object> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), decodeValue(e.getValue())));
    return out;
  }

  private static Object decodeValue(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isObject() && n.has("$date")) {
      return LocalDate.parse(n.get("$date").asString());
    }
    if (n.isObject() && n.has("$datetime")) {
      return OffsetDateTime.parse(n.get("$datetime").asString()).toZonedDateTime();
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>();
      n.forEach(item -> list.add(decodeValue(item)));
      return list;
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.asString();
  }
}
