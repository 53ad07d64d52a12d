package com.custompodautoscaler.pipeline.config;

import java.util.Objects;

/**
 * A key with a default: reading it always gives a value, and the documentation states the very
 * value the loader uses, so the two cannot drift apart.
 */
final class DefaultedKey<T> extends Key<T> {

  private final T defaultValue;

  DefaultedKey(
      String name, KeyType<T> type, T defaultValue, EnvParsing envParsing, String description) {
    super(name, type, documented(defaultValue), envParsing, description);
    this.defaultValue = defaultValue;
  }

  private static String documented(Object defaultValue) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    return defaultValue instanceof String text ? "\"" + text + "\"" : String.valueOf(defaultValue);
  }

  /** The value the key reads as when it is absent. */
  T defaultValue() {
    return defaultValue;
  }

  /** This key, read from its environment variable with {@code parsing}. */
  DefaultedKey<T> parsedFromEnvironmentAs(EnvParsing parsing) {
    return new DefaultedKey<>(name(), keyType(), defaultValue, parsing, description());
  }
}
