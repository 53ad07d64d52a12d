package com.custompodautoscaler.pipeline.config;

import java.util.Objects;

/**
 * One configuration key, declared once: its name, what it holds, what applies when it is absent,
 * how an environment variable sets it, and its line in {@code docs/configuration.md}. Binders read
 * it through {@link BlockReader} as a {@code T}; the schema check, the documentation's tables and
 * the environment overrides read the same declaration. A key with a default is a {@link
 * DefaultedKey}.
 */
public sealed class Key<T> permits DefaultedKey {

  private final String name;
  private final KeyType<T> type;
  private final String documentedDefault;
  private final EnvParsing envParsing;
  private final String description;

  Key(
      String name,
      KeyType<T> type,
      String documentedDefault,
      EnvParsing envParsing,
      String description) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.documentedDefault = Objects.requireNonNull(documentedDefault);
    this.envParsing = Objects.requireNonNull(envParsing);
    this.description = Objects.requireNonNull(description);
  }

  /** A key the configuration must hold; each binder says what is missing in its own words. */
  static <T> Key<T> required(String name, KeyType<T> type, String description) {
    return new Key<>(name, type, "required", EnvParsing.YAML, description);
  }

  /**
   * A key that may be left out, whereupon its binder does what {@code whenAbsent} says, as the
   * documentation writes it: "none", "[]", "any 2xx".
   */
  static <T> Key<T> optional(String name, KeyType<T> type, String whenAbsent, String description) {
    return new Key<>(name, type, whenAbsent, EnvParsing.YAML, description);
  }

  /** A key that reads as {@code defaultValue} when it is absent. */
  static <T> DefaultedKey<T> withDefault(
      String name, KeyType<T> type, T defaultValue, String description) {
    return new DefaultedKey<>(name, type, defaultValue, EnvParsing.YAML, description);
  }

  public String name() {
    return name;
  }

  /** The type as the documentation writes it, with its unit: "integer (ms)". */
  public String type() {
    return type.documented();
  }

  /** What applies when the key is absent, as the documentation writes it. */
  public String documentedDefault() {
    return documentedDefault;
  }

  public String description() {
    return description;
  }

  KeyType<T> keyType() {
    return type;
  }

  /** The JSON type the schema check holds the key's values to. */
  ValueType valueType() {
    return type.json();
  }

  /** How the environment variable named like this key, at the top level, is read. */
  EnvParsing envParsing() {
    return envParsing;
  }
}
