package com.custompodautoscaler.pipeline.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where an HTTP method puts the stage document. */
public enum ParameterMode {
  /** As the query parameter {@code value}. */
  QUERY("query"),
  /** As the request body. */
  BODY("body");

  private final String wireName;

  ParameterMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static Optional<ParameterMode> fromWireName(String value) {
    return Arrays.stream(values()).filter(mode -> mode.wireName.equals(value)).findFirst();
  }

  static List<String> wireNames() {
    return Arrays.stream(values()).map(ParameterMode::wireName).toList();
  }
}
