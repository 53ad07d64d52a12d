package com.custompodautoscaler.autoscaler.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its name, the JSON type it holds, the default the documentation states,
 * how an environment variable sets it, and what it is for. Scalar defaults are the values the
 * loader uses, so the code and the documentation cannot drift apart.
 */
public final class KeySpec {

  private final String name;
  private final ValueType valueType;
  private final String unit;
  private final Object defaultValue;
  private final String documentedDefault;
  private final EnvParsing envParsing;
  private final String description;

  private KeySpec(
      String name,
      ValueType valueType,
      String unit,
      Object defaultValue,
      String documentedDefault,
      EnvParsing envParsing,
      String description) {
    this.name = Objects.requireNonNull(name);
    this.valueType = Objects.requireNonNull(valueType);
    this.unit = Objects.requireNonNull(unit);
    this.defaultValue = defaultValue;
    this.documentedDefault = Objects.requireNonNull(documentedDefault);
    this.envParsing = Objects.requireNonNull(envParsing);
    this.description = Objects.requireNonNull(description);
  }

  /** A key whose default is a scalar value. */
  static KeySpec scalar(String name, ValueType type, Object defaultValue, String description) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    String documented =
        defaultValue instanceof String text ? "\"" + text + "\"" : String.valueOf(defaultValue);
    return new KeySpec(name, type, "", defaultValue, documented, EnvParsing.YAML, description);
  }

  /**
   * A key with no scalar default; {@code documentedDefault} says what applies when it is absent.
   */
  static KeySpec structured(
      String name, ValueType type, String documentedDefault, String description) {
    return new KeySpec(name, type, "", null, documentedDefault, EnvParsing.YAML, description);
  }

  /** This key, read from its environment variable with {@code parsing}. */
  KeySpec parsedFromEnvironmentAs(EnvParsing parsing) {
    return new KeySpec(
        name, valueType, unit, defaultValue, documentedDefault, parsing, description);
  }

  /** This key, a number of {@code unitName} (such as "ms"), as the documentation says. */
  KeySpec in(String unitName) {
    return new KeySpec(
        name, valueType, unitName, defaultValue, documentedDefault, envParsing, description);
  }

  public String name() {
    return name;
  }

  /** The type as the documentation writes it, with its unit: "integer (ms)". */
  public String type() {
    return unit.isEmpty() ? valueType.documented() : valueType.documented() + " (" + unit + ")";
  }

  ValueType valueType() {
    return valueType;
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
