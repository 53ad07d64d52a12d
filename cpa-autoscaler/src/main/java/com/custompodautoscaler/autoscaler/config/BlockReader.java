package com.custompodautoscaler.autoscaler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the keys of one configuration block from a parsed tree, checking each value's type and
 * recording a problem, with the key's full path, for every value that is wrong. A missing or null
 * value is absent; a wrong one is reported and then treated as absent, so that reading goes on and
 * every problem is found in one pass.
 */
final class BlockReader {

  private final JsonNode node;
  private final ConfigBlock block;
  private final String path;
  private final ConfigProblems problems;

  BlockReader(JsonNode node, ConfigBlock block, String path, ConfigProblems problems) {
    this.node = node;
    this.block = block;
    this.path = path;
    this.problems = problems;
  }

  /** The full dotted path of {@code key} in this block, as problems name it. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigProblems problems() {
    return problems;
  }

  boolean has(String key) {
    return value(key).isPresent();
  }

  Optional<String> string(String key) {
    return typed(key, JsonNodeType.STRING, "a string", JsonNode::textValue);
  }

  String stringOrDefault(String key) {
    return string(key).orElseGet(() -> (String) defaultOf(key));
  }

  Optional<Boolean> bool(String key) {
    return typed(key, JsonNodeType.BOOLEAN, "true or false", JsonNode::booleanValue);
  }

  boolean boolOrDefault(String key) {
    return bool(key).orElseGet(() -> (Boolean) defaultOf(key));
  }

  Optional<Long> longValue(String key) {
    return value(key).flatMap(value -> integral(key, value, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  long longOrDefault(String key) {
    return longValue(key).orElseGet(() -> ((Number) defaultOf(key)).longValue());
  }

  Optional<Integer> integer(String key) {
    return value(key)
        .flatMap(value -> integral(key, value, Integer.MIN_VALUE, Integer.MAX_VALUE))
        .map(Long::intValue);
  }

  int integerOrDefault(String key) {
    return integer(key).orElseGet(() -> ((Number) defaultOf(key)).intValue());
  }

  /** A nested block, read against {@code nested}'s keys. */
  Optional<BlockReader> block(String key, ConfigBlock nested) {
    return typed(key, JsonNodeType.OBJECT, "an object", value -> value)
        .map(value -> new BlockReader(value, nested, path(key), problems));
  }

  Optional<List<String>> strings(String key) {
    return list(key, "a string", item -> item.isTextual() ? item.textValue() : null);
  }

  Optional<List<Integer>> integers(String key) {
    return list(
        key,
        "an integer",
        item -> item.isIntegralNumber() && item.canConvertToInt() ? item.intValue() : null);
  }

  Optional<List<JsonNode>> objects(String key) {
    return list(key, "an object", item -> item.isObject() ? item : null);
  }

  Optional<Map<String, String>> stringMap(String key) {
    return typed(key, JsonNodeType.OBJECT, "an object of strings", value -> value)
        .map(value -> stringEntries(key, value));
  }

  /** Warns about every key this block does not know, naming the closest known one. */
  void reportUnknownKeys() {
    List<String> known = block.keys().stream().map(KeySpec::name).toList();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name) && !matchesSomeKeyIgnoringCase(name)) {
        String hint =
            KeySuggestion.closest(name, known)
                .map(closest -> "; did you mean " + closest + "?")
                .orElse("; known keys: " + String.join(", ", known));
        problems.warning(path(name), "unknown key, ignored" + hint);
      }
    }
  }

  private Optional<JsonNode> value(String key) {
    JsonNode exact = node.get(key);
    if (exact != null) {
      return present(exact);
    }
    Optional<String> loose = caseInsensitiveMatch(key);
    loose.ifPresent(
        written ->
            problems.warning(
                path(written), "matched key " + key + " ignoring case; write it as " + key));
    return loose.flatMap(written -> present(node.get(written)));
  }

  /**
   * The name a known {@code key} is written with in another letter case, if it is: CPA v2 decodes
   * keys with Go's JSON rules, which accept any case.
   */
  private Optional<String> caseInsensitiveMatch(String key) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals(key) && name.equalsIgnoreCase(key) && block.find(name).isEmpty()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private boolean matchesSomeKeyIgnoringCase(String name) {
    return block.keys().stream().anyMatch(spec -> spec.name().equalsIgnoreCase(name));
  }

  private static Optional<JsonNode> present(JsonNode value) {
    return value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
  }

  private <T> Optional<T> typed(
      String key, JsonNodeType type, String expected, Function<JsonNode, T> convert) {
    return value(key)
        .flatMap(
            value -> {
              if (value.getNodeType() != type) {
                problems.error(path(key), "expected " + expected + ", got " + describe(value));
                return Optional.empty();
              }
              return Optional.of(convert.apply(value));
            });
  }

  private Optional<Long> integral(String key, JsonNode value, long min, long max) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problems.error(path(key), "expected an integer, got " + describe(value));
      return Optional.empty();
    }
    long number = value.longValue();
    if (number < min || number > max) {
      problems.error(path(key), "value " + number + " is out of range");
      return Optional.empty();
    }
    return Optional.of(number);
  }

  /** A list whose items {@code convert} accepts; it returns null for an item it rejects. */
  private <T> Optional<List<T>> list(
      String key, String expectedItem, Function<JsonNode, T> convert) {
    return typed(key, JsonNodeType.ARRAY, "a list", value -> value)
        .flatMap(
            array -> {
              List<T> items = new ArrayList<>();
              for (int i = 0; i < array.size(); i++) {
                T item = convert.apply(array.get(i));
                if (item == null) {
                  problems.error(
                      path(key) + "[" + i + "]",
                      "expected " + expectedItem + ", got " + describe(array.get(i)));
                } else {
                  items.add(item);
                }
              }
              return items.size() == array.size()
                  ? Optional.of(List.copyOf(items))
                  : Optional.empty();
            });
  }

  private Map<String, String> stringEntries(String key, JsonNode object) {
    Map<String, String> entries = new LinkedHashMap<>();
    object
        .properties()
        .forEach(
            entry -> {
              if (entry.getValue().isTextual()) {
                entries.put(entry.getKey(), entry.getValue().textValue());
              } else {
                problems.error(
                    path(key) + "." + entry.getKey(),
                    "expected a string, got " + describe(entry.getValue()));
              }
            });
    return Map.copyOf(entries);
  }

  private Object defaultOf(String key) {
    return block
        .key(key)
        .defaultValue()
        .orElseThrow(() -> new IllegalStateException(path(key) + " has no scalar default"));
  }

  /** How a value reads in a message: its type and, for scalars, the value itself. */
  static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string (\"" + value.textValue() + "\")";
      case NUMBER -> "a number (" + value.asText() + ")";
      case BOOLEAN -> "a boolean (" + value.asText() + ")";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> "a " + value.getNodeType().name().toLowerCase();
    };
  }
}
