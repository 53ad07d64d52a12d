package com.custompodautoscaler.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the metric method is called: once per pod of the target, or once for the target. */
public enum RunMode {
  PER_POD("per-pod"),
  PER_RESOURCE("per-resource");

  private final String wireName;

  RunMode(String wireName) {
    this.wireName = wireName;
  }

  /** The value written in the {@code runMode} key. */
  public String wireName() {
    return wireName;
  }

  /** The mode a config value names, if any. */
  public static Optional<RunMode> fromWireName(String value) {
    return Arrays.stream(values()).filter(mode -> mode.wireName.equals(value)).findFirst();
  }

  /** Every accepted config value, for error messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(RunMode::wireName).toList();
  }
}
