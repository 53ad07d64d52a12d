package com.custompodautoscaler.autoscaler.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its name, the type and default the documentation states, how an
 * environment variable sets it, and what it is for. Scalar defaults are the values the loader uses,
 * so the code and the documentation cannot drift apart.
 */
public final class KeySpec {

  private final String name;
  private final String type;
  private final Object defaultValue;
  private final String documentedDefault;
  private final EnvParsing envParsing;
  private final String description;

  private KeySpec(
      String name,
      String type,
      Object defaultValue,
      String documentedDefault,
      EnvParsing envParsing,
      String description) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.defaultValue = defaultValue;
    this.documentedDefault = Objects.requireNonNull(documentedDefault);
    this.envParsing = Objects.requireNonNull(envParsing);
    this.description = Objects.requireNonNull(description);
  }

  /** A key whose default is a scalar value. */
  static KeySpec scalar(String name, String type, Object defaultValue, String description) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    String documented =
        defaultValue instanceof String text ? "\"" + text + "\"" : String.valueOf(defaultValue);
    return new KeySpec(name, type, defaultValue, documented, EnvParsing.YAML, description);
  }

  /**
   * A key with no scalar default; {@code documentedDefault} says what applies when it is absent.
   */
  static KeySpec structured(
      String name, String type, String documentedDefault, String description) {
    return new KeySpec(name, type, null, documentedDefault, EnvParsing.YAML, description);
  }

  /** This key, read from its environment variable with {@code parsing}. */
  KeySpec parsedFromEnvironmentAs(EnvParsing parsing) {
    return new KeySpec(name, type, defaultValue, documentedDefault, parsing, description);
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  /** The scalar default, when the key has one. */
  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** The default as the documentation writes it. */
  public String documentedDefault() {
    return documentedDefault;
  }

  EnvParsing envParsing() {
    return envParsing;
  }

  public String description() {
    return description;
  }
}
