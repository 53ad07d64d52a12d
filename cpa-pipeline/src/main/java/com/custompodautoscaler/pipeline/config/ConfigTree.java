package com.custompodautoscaler.pipeline.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The raw configuration tree: the file parsed as YAML or JSON, then overridden by environment
 * variables named like top-level keys, with CPA v2's parsing rules.
 */
final class ConfigTree {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigTree() {}

  /**
   * Parses a config file. JSON when the first non-blank character is '{', otherwise YAML, of which
   * only the first document counts. An empty or comment-only file has no keys.
   */
  static Optional<ObjectNode> parseFile(String content, ConfigProblems problems) {
    String trimmed = content.strip();
    try {
      JsonNode parsed = trimmed.startsWith("{") ? JSON.readTree(trimmed) : YAML.readTree(content);
      if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
        return Optional.of(JSON.createObjectNode());
      }
      if (!parsed.isObject()) {
        problems.error(
            "", "the file must hold a mapping of keys, got " + BlockReader.describe(parsed));
        return Optional.empty();
      }
      return Optional.of((ObjectNode) parsed);
    } catch (JsonProcessingException e) {
      problems.error("", "the file is not valid YAML or JSON: " + e.getOriginalMessage() + at(e));
      return Optional.empty();
    }
  }

  /**
   * Applies every environment variable named exactly like a top-level key, or named by one of the
   * file's {@code variableAliases}.
   */
  static void applyEnvironment(ObjectNode root, Map<String, String> env, ConfigProblems problems) {
    Map<String, String> aliased = aliasedVariables(root, env, problems);
    for (Key<?> key : ConfigBlock.TOP_LEVEL.keys()) {
      String variable = aliased.getOrDefault(key.name(), key.name());
      String value = env.get(variable);
      if (value == null) {
        continue;
      }
      problems.keyCameFromEnvironment(key.name(), variable);
      switch (key.envParsing()) {
        case RAW_STRING -> root.put(key.name(), value);
        case BASE10_INTEGER -> applyInteger(root, key.name(), value, problems);
        case YAML -> applyYaml(root, key.name(), value, problems);
      }
    }
  }

  /**
   * The variable each key is read from when the file's {@code variableAliases} names one for it
   * that is set, by key; a key whose own variable is set keeps it. An alias for no top-level key is
   * an error; a value of the wrong type is left to the schema check.
   */
  private static Map<String, String> aliasedVariables(
      ObjectNode root, Map<String, String> env, ConfigProblems problems) {
    String aliasesKey = TopLevelKeys.VARIABLE_ALIASES.name();
    JsonNode aliases = root.get(aliasesKey);
    Map<String, String> aliased = new HashMap<>();
    if (aliases == null || !aliases.isObject()) {
      return aliased;
    }
    for (Map.Entry<String, JsonNode> alias : aliases.properties()) {
      String keyName = alias.getValue().asText();
      if (!alias.getValue().isTextual()) {
        continue;
      }
      boolean known =
          ConfigBlock.TOP_LEVEL.keys().stream()
              .anyMatch(key -> key.name().equals(keyName) && !key.name().equals(aliasesKey));
      if (!known) {
        problems.error(
            aliasesKey + "." + alias.getKey(),
            "\"" + keyName + "\" is not a top-level key that a variable can set");
      } else if (env.containsKey(alias.getKey()) && !env.containsKey(keyName)) {
        aliased.put(keyName, alias.getKey());
      }
    }
    return aliased;
  }

  private static void applyInteger(
      ObjectNode root, String key, String value, ConfigProblems problems) {
    try {
      root.put(key, Long.parseLong(value));
    } catch (NumberFormatException e) {
      problems.error(key, "invalid integer \"" + value + "\"");
    }
  }

  private static void applyYaml(
      ObjectNode root, String key, String value, ConfigProblems problems) {
    if (value.isEmpty()) {
      problems.error(key, "the environment variable is empty; expected a YAML or JSON value");
      return;
    }
    try {
      JsonNode parsed = parseValue(value);
      JsonNode current = root.get(key);
      if (parsed != null && parsed.isObject() && current != null && current.isObject()) {
        mergeInto((ObjectNode) current, (ObjectNode) parsed);
      } else {
        root.set(key, parsed);
      }
    } catch (JsonProcessingException e) {
      problems.error(key, "invalid YAML or JSON value: " + e.getOriginalMessage() + at(e));
    }
  }

  /**
   * A value that starts with '{' or '[' is read as JSON, as CPA v2 reads it, so that JSON indented
   * with tabs or holding escapes such as {@code \/}, which YAML refuses, works; if it is not JSON
   * it may still be YAML's flow style ({@code {port: 3000}}). Anything else is YAML.
   */
  private static JsonNode parseValue(String value) throws JsonProcessingException {
    String trimmed = value.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return YAML.readTree(value);
    }
    try {
      return JSON.readTree(trimmed);
    } catch (JsonProcessingException notJson) {
      try {
        return YAML.readTree(value);
      } catch (JsonProcessingException notYaml) {
        throw notJson;
      }
    }
  }

  /**
   * Merges {@code override} into {@code base} key by key: objects merge, anything else replaces.
   */
  static void mergeInto(ObjectNode base, ObjectNode override) {
    for (Map.Entry<String, JsonNode> field : override.properties()) {
      JsonNode existing = base.get(field.getKey());
      if (existing != null && existing.isObject() && field.getValue().isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) field.getValue());
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
