package com.custompodautoscaler.hpa.predictive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One object of the predictive logic's settings, read strictly: each value is checked as it is
 * read, and a bad one is named by its path, such as {@code models[1].holtWinters.alpha}.
 */
record Settings(JsonNode node, String path) {

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

  Settings {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
  }

  /**
   * This object, when it holds no field but {@code fields}.
   *
   * @throws IllegalArgumentException naming a field it does not know
   */
  Settings allowing(Set<String> fields) {
    node.fieldNames()
        .forEachRemaining(
            field -> {
              if (!fields.contains(field)) {
                throw new IllegalArgumentException(
                    where(field)
                        + " is not a setting here; the settings are "
                        + new TreeSet<>(fields));
              }
            });
    return this;
  }

  boolean has(String field) {
    return node.hasNonNull(field);
  }

  Settings child(String field) {
    return new Settings(node.get(field), where(field));
  }

  Optional<Settings> optionalChild(String field) {
    return has(field) ? Optional.of(child(field)) : Optional.empty();
  }

  String text(String field) {
    return optionalText(field)
        .orElseThrow(() -> new IllegalArgumentException(where(field) + " is required"));
  }

  Optional<String> optionalText(String field) {
    return optional(field, JsonNode::isTextual, "a string", JsonNode::asText);
  }

  int whole(String field, int minimum) {
    return optionalWhole(field, minimum)
        .orElseThrow(() -> new IllegalArgumentException(where(field) + " is required"));
  }

  Optional<Integer> optionalWhole(String field, int minimum) {
    return optional(
        field,
        value -> value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= minimum,
        "a whole number from " + minimum,
        JsonNode::intValue);
  }

  Optional<Double> optionalNumber(String field) {
    return optional(field, JsonNode::isNumber, "a number", JsonNode::doubleValue);
  }

  boolean flag(String field) {
    return optional(field, JsonNode::isBoolean, "true or false", JsonNode::booleanValue)
        .orElse(false);
  }

  /** The value of {@code field} read by {@code read}, when set; refused unless it {@code fits}. */
  private <T> Optional<T> optional(
      String field, Predicate<JsonNode> fits, String expected, Function<JsonNode, T> read) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!fits.test(value)) {
      throw new IllegalArgumentException(where(field) + " must be " + expected + ", got " + value);
    }
    return Optional.of(read.apply(value));
  }

  /** A duration as Kubernetes writes one, such as {@code 2m30s}, {@code 168h} or {@code 500ms}. */
  Optional<Duration> optionalDuration(String field) {
    return optionalText(field).map(text -> duration(text, where(field)));
  }

  String where(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  static Duration duration(String text, String where) {
    Matcher part = DURATION_PART.matcher(text);
    long millis = 0;
    int end = 0;
    while (part.find() && part.start() == end) {
      double amount = Double.parseDouble(part.group(1));
      millis +=
          Math.round(
              amount
                  * switch (part.group(2)) {
                    case "h" -> 3_600_000;
                    case "m" -> 60_000;
                    case "s" -> 1_000;
                    default -> 1;
                  });
      end = part.end();
    }
    if (end == 0 || end != text.length() || millis <= 0) {
      throw new IllegalArgumentException(
          where + " must be a duration above 0 such as 90s, 2m30s or 168h, got '" + text + "'");
    }
    return Duration.ofMillis(millis);
  }
}
