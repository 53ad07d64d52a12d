package com.custompodautoscaler.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a whole configuration tree against the schema of {@link ConfigBlock}, nested blocks and
 * lists included, whether or not a binder reads them: every value of the wrong JSON type is an
 * error with its full path, every unknown key a warning naming the closest known one, and every key
 * written in another letter case a warning (CPA v2 decodes keys with Go's JSON rules, which accept
 * any case). A key whose value is null is absent; a null item of a list or map is an error. The
 * binders then check meaning.
 */
final class SchemaCheck {

  private final ConfigProblems problems;

  private SchemaCheck(ConfigProblems problems) {
    this.problems = problems;
  }

  /** Checks {@code root} as the top level of a configuration. */
  static void check(JsonNode root, ConfigProblems problems) {
    new SchemaCheck(problems).block(root, ConfigBlock.TOP_LEVEL, "");
  }

  private void block(JsonNode node, ConfigBlock block, String path) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      String keyPath = path.isEmpty() ? name : path + "." + name;
      Optional<Key<?>> key = known(block, name, keyPath);
      if (key.isPresent() && !field.getValue().isNull()) {
        value(field.getValue(), key.get().valueType(), keyPath);
      }
    }
  }

  private Optional<Key<?>> known(ConfigBlock block, String name, String keyPath) {
    Optional<Key<?>> exact = block.find(name);
    if (exact.isPresent()) {
      return exact;
    }
    Optional<Key<?>> loose =
        block.keys().stream().filter(key -> key.name().equalsIgnoreCase(name)).findFirst();
    if (loose.isPresent()) {
      problems.warning(
          keyPath,
          "matched key "
              + loose.get().name()
              + " ignoring case; write it as "
              + loose.get().name());
    } else {
      List<String> names = block.keys().stream().map(Key::name).toList();
      String hint =
          KeySuggestion.closest(name, names)
              .map(closest -> "; did you mean " + closest + "?")
              .orElse("; known keys: " + String.join(", ", names));
      problems.warning(keyPath, "unknown key, ignored" + hint);
    }
    return loose;
  }

  private void value(JsonNode value, ValueType type, String path) {
    if (!type.accepts(value)) {
      problems.error(path, "expected " + type.expected() + ", got " + BlockReader.describe(value));
      return;
    }
    if (type instanceof ValueType.Nested nested) {
      block(value, nested.block(), path);
    } else if (type instanceof ValueType.ListOf list) {
      for (int i = 0; i < value.size(); i++) {
        value(value.get(i), list.item(), path + "[" + i + "]");
      }
    } else if (type instanceof ValueType.MapOf map) {
      value
          .properties()
          .forEach(entry -> value(entry.getValue(), map.value(), path + "." + entry.getKey()));
    }
  }
}
