package com.custompodautoscaler.hpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading and writing the stage documents as JSON trees. */
final class Documents {

  static final ObjectMapper JSON = new ObjectMapper();

  private Documents() {}

  /** {@code document} parsed; {@code what} names it in the error when it is not JSON. */
  static JsonNode parse(String document, String what) {
    try {
      JsonNode parsed = JSON.readTree(document);
      if (parsed == null || !parsed.isObject()) {
        throw new HpaInputException(what + " is not a JSON object");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw new HpaInputException(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The whole number at {@code node}, which {@code path} names in the error. */
  static long whole(JsonNode node, String path) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new HpaInputException(path + " must be a whole number, got " + describe(node));
    }
    return node.longValue();
  }

  /** The text at {@code node}, which {@code path} names in the error. */
  static String text(JsonNode node, String path) {
    if (!node.isTextual() && !node.isNumber()) {
      throw new HpaInputException(path + " must be a string, got " + describe(node));
    }
    return node.asText();
  }

  private static String describe(JsonNode node) {
    return node.isMissingNode() ? "nothing" : node.toString();
  }
}
