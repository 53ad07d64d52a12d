package com.custompodautoscaler.autoscaler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
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
 * every problem is found in one pass. {@link SchemaCheck} has usually reported it already, and
 * {@link ConfigProblems} keeps one error per key.
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

  /** An empty block at {@code key} of {@code parent}: every key of it takes its default. */
  static BlockReader empty(ConfigBlock block, BlockReader parent, String key) {
    return new BlockReader(
        JsonNodeFactory.instance.objectNode(), block, parent.path(key), parent.problems);
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
    return typed(key, ValueType.Scalar.STRING, JsonNode::textValue);
  }

  String stringOrDefault(String key) {
    return string(key).orElseGet(() -> (String) defaultOf(key));
  }

  Optional<Boolean> bool(String key) {
    return typed(key, ValueType.Scalar.BOOLEAN, JsonNode::booleanValue);
  }

  boolean boolOrDefault(String key) {
    return bool(key).orElseGet(() -> (Boolean) defaultOf(key));
  }

  Optional<Long> longValue(String key) {
    return value(key).flatMap(value -> integral(path(key), value, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  long longOrDefault(String key) {
    return longValue(key).orElseGet(() -> ((Number) defaultOf(key)).longValue());
  }

  Optional<Integer> integer(String key) {
    return value(key)
        .flatMap(value -> integral(path(key), value, Integer.MIN_VALUE, Integer.MAX_VALUE))
        .map(Long::intValue);
  }

  int integerOrDefault(String key) {
    return integer(key).orElseGet(() -> ((Number) defaultOf(key)).intValue());
  }

  /** A quantity as written: a string such as {@code 500m}, or a number. */
  Optional<String> quantity(String key) {
    return typed(key, ValueType.Scalar.QUANTITY, JsonNode::asText);
  }

  /** A nested block, read against {@code nested}'s keys. */
  Optional<BlockReader> block(String key, ConfigBlock nested) {
    return typed(key, new ValueType.Nested(nested), value -> value)
        .map(value -> new BlockReader(value, nested, path(key), problems));
  }

  Optional<List<String>> strings(String key) {
    return list(key, ValueType.Scalar.STRING, (item, itemPath) -> Optional.of(item.textValue()));
  }

  Optional<List<Integer>> integers(String key) {
    return list(
        key,
        ValueType.Scalar.INTEGER,
        (item, itemPath) ->
            integral(itemPath, item, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue));
  }

  /** A list of blocks, each read against {@code nested}'s keys. */
  Optional<List<BlockReader>> blocks(String key, ConfigBlock nested) {
    return list(
        key,
        new ValueType.Nested(nested),
        (item, itemPath) -> Optional.of(new BlockReader(item, nested, itemPath, problems)));
  }

  Optional<Map<String, String>> stringMap(String key) {
    return typed(key, new ValueType.MapOf(ValueType.Scalar.STRING), value -> value)
        .map(value -> stringEntries(key, value));
  }

  private Optional<JsonNode> value(String key) {
    JsonNode exact = node.get(key);
    if (exact != null) {
      return present(exact);
    }
    return caseInsensitiveMatch(key).flatMap(written -> present(node.get(written)));
  }

  /**
   * The name a known {@code key} is written with in another letter case, if it is: CPA v2 decodes
   * keys with Go's JSON rules, which accept any case. {@link SchemaCheck} warns about it.
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

  private static Optional<JsonNode> present(JsonNode value) {
    return value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
  }

  private <T> Optional<T> typed(String key, ValueType type, Function<JsonNode, T> convert) {
    return value(key)
        .flatMap(
            value -> {
              if (!type.accepts(value)) {
                problems.error(
                    path(key), "expected " + type.expected() + ", got " + describe(value));
                return Optional.empty();
              }
              return Optional.of(convert.apply(value));
            });
  }

  private Optional<Long> integral(String path, JsonNode value, long min, long max) {
    if (!ValueType.Scalar.INTEGER.accepts(value)) {
      problems.error(path, "expected an integer, got " + describe(value));
      return Optional.empty();
    }
    BigDecimal number = value.decimalValue();
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.error(path, "value " + number.toPlainString() + " is out of range");
      return Optional.empty();
    }
    return Optional.of(number.longValueExact());
  }

  /** How one list item is read once its JSON type is right; empty when it is invalid. */
  private interface ItemReader<T> {
    Optional<T> read(JsonNode item, String itemPath);
  }

  /** A list whose items all have type {@code item}; empty when any item is wrong. */
  private <T> Optional<List<T>> list(String key, ValueType item, ItemReader<T> reader) {
    return typed(key, new ValueType.ListOf(item), value -> value)
        .flatMap(
            array -> {
              List<T> items = new ArrayList<>();
              for (int i = 0; i < array.size(); i++) {
                String itemPath = path(key) + "[" + i + "]";
                if (!item.accepts(array.get(i))) {
                  problems.error(
                      itemPath, "expected " + item.expected() + ", got " + describe(array.get(i)));
                  continue;
                }
                reader.read(array.get(i), itemPath).ifPresent(items::add);
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
