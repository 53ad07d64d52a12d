package com.custompodautoscaler.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a key holds: the JSON type the schema checks, the unit the documentation adds, and the Java
 * value a binder reads it as. Reading reports, at its full path, every value that is not of its
 * JSON type or out of its Java type's range.
 */
final class KeyType<T> {

  /** A string. */
  static final KeyType<String> STRING = converted(ValueType.Scalar.STRING, JsonNode::textValue);

  /** A boolean. */
  static final KeyType<Boolean> BOOLEAN =
      converted(ValueType.Scalar.BOOLEAN, JsonNode::booleanValue);

  /** A whole number in {@code int}'s range. */
  static final KeyType<Integer> INTEGER =
      new KeyType<>(
          ValueType.Scalar.INTEGER,
          "",
          (value, path, problems) ->
              inRange(value, path, problems, Integer.MIN_VALUE, Integer.MAX_VALUE)
                  .map(Long::intValue));

  /** A whole number in {@code long}'s range. */
  static final KeyType<Long> LONG =
      new KeyType<>(
          ValueType.Scalar.INTEGER,
          "",
          (value, path, problems) ->
              inRange(value, path, problems, Long.MIN_VALUE, Long.MAX_VALUE));

  /** A Kubernetes quantity as written: a string such as {@code 500m}, or a number. */
  static final KeyType<String> QUANTITY = converted(ValueType.Scalar.QUANTITY, JsonNode::asText);

  /**
   * Turns a value already known to be of the right JSON type into the Java value, reporting what is
   * still wrong with it; empty when something is.
   */
  @FunctionalInterface
  private interface Conversion<T> {
    Optional<T> convert(JsonNode value, String path, ConfigProblems problems);
  }

  private final ValueType json;
  private final String unit;
  private final Conversion<T> conversion;

  private KeyType(ValueType json, String unit, Conversion<T> conversion) {
    this.json = json;
    this.unit = unit;
    this.conversion = conversion;
  }

  private static <T> KeyType<T> converted(ValueType.Scalar json, Function<JsonNode, T> convert) {
    return new KeyType<>(json, "", (value, path, problems) -> Optional.of(convert.apply(value)));
  }

  /** An object whose keys are those of {@code block}, read against them. */
  static KeyType<BlockReader> block(ConfigBlock block) {
    return new KeyType<>(
        new ValueType.Nested(block),
        "",
        (value, path, problems) -> Optional.of(new BlockReader(value, block, path, problems)));
  }

  /** A list whose every item is {@code item}; empty when any item is wrong. */
  static <T> KeyType<List<T>> listOf(KeyType<T> item) {
    return new KeyType<>(
        new ValueType.ListOf(item.json),
        "",
        (array, path, problems) -> {
          List<T> items = new ArrayList<>();
          for (int i = 0; i < array.size(); i++) {
            item.read(array.get(i), path + "[" + i + "]", problems).ifPresent(items::add);
          }
          return items.size() == array.size() ? Optional.of(List.copyOf(items)) : Optional.empty();
        });
  }

  /** An object of any keys whose every value is {@code value}; wrong entries are left out. */
  static <T> KeyType<Map<String, T>> mapOf(KeyType<T> value) {
    return new KeyType<>(
        new ValueType.MapOf(value.json),
        "",
        (object, path, problems) -> {
          Map<String, T> entries = new LinkedHashMap<>();
          object
              .properties()
              .forEach(
                  entry ->
                      value
                          .read(entry.getValue(), path + "." + entry.getKey(), problems)
                          .ifPresent(read -> entries.put(entry.getKey(), read)));
          return Optional.of(Map.copyOf(entries));
        });
  }

  /** This type, a number of {@code unitName} (such as "ms"), as the documentation says. */
  KeyType<T> in(String unitName) {
    return new KeyType<>(json, unitName, conversion);
  }

  /** The JSON type the schema check holds values to. */
  ValueType json() {
    return json;
  }

  /** The type as the documentation writes it, with its unit: "integer (ms)". */
  String documented() {
    return unit.isEmpty() ? json.documented() : json.documented() + " (" + unit + ")";
  }

  /**
   * {@code value}, which is not null, as a {@code T}; a wrong value is reported at {@code path}.
   */
  Optional<T> read(JsonNode value, String path, ConfigProblems problems) {
    if (!json.accepts(value)) {
      problems.error(path, "expected " + json.expected() + ", got " + BlockReader.describe(value));
      return Optional.empty();
    }
    return conversion.convert(value, path, problems);
  }

  private static Optional<Long> inRange(
      JsonNode value, String path, ConfigProblems problems, long min, long max) {
    BigDecimal number = value.decimalValue();
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.error(path, "value " + number.toPlainString() + " is out of range");
      return Optional.empty();
    }
    return Optional.of(number.longValueExact());
  }
}
