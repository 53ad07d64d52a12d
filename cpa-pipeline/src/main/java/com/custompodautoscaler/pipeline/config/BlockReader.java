package com.custompodautoscaler.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reads the keys of one configuration block from a parsed tree, each as its declared Java type,
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

  /** The full dotted path of {@code key} in this block, as problems name it. */
  String path(Key<?> key) {
    String name = nameOf(key);
    return path.isEmpty() ? name : path + "." + name;
  }

  ConfigProblems problems() {
    return problems;
  }

  boolean has(Key<?> key) {
    return value(key).isPresent();
  }

  /** The value of {@code key} when it is written and valid. */
  <T> Optional<T> find(Key<T> key) {
    return value(key).flatMap(value -> key.keyType().read(value, path(key), problems));
  }

  /** The value of {@code key}, or its default when it is absent or invalid. */
  <T> T get(DefaultedKey<T> key) {
    return find(key).orElseGet(key::defaultValue);
  }

  /**
   * The block at {@code key}, or an empty one when the key is absent, whose keys then all take
   * their defaults; empty only when the value is invalid.
   */
  Optional<BlockReader> blockOrEmpty(Key<BlockReader> key) {
    return has(key)
        ? find(key)
        : key.keyType().read(JsonNodeFactory.instance.objectNode(), path(key), problems);
  }

  private Optional<JsonNode> value(Key<?> key) {
    String name = nameOf(key);
    JsonNode exact = node.get(name);
    if (exact != null) {
      return present(exact);
    }
    return caseInsensitiveMatch(name).flatMap(written -> present(node.get(written)));
  }

  /** The name of {@code key}, which must be one of this block's keys: reading another is a bug. */
  private String nameOf(Key<?> key) {
    if (!block.keys().contains(key)) {
      throw new IllegalArgumentException(key.name() + " is not a key of " + block.title());
    }
    return key.name();
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
