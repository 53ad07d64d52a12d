package com.custompodautoscaler.core.behavior;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which of a direction's rate policies applies: the one allowing most change, least, or none. */
public enum SelectPolicy {
  /** The policy that allows the biggest change. */
  MAX("Max"),
  /** The policy that allows the smallest change. */
  MIN("Min"),
  /** No change in this direction at all. */
  DISABLED("Disabled");

  private final String wireName;

  SelectPolicy(String wireName) {
    this.wireName = wireName;
  }

  /** The value written in {@code selectPolicy}, as Kubernetes spells it. */
  public String wireName() {
    return wireName;
  }

  /** The select policy a config value names, if any. */
  public static Optional<SelectPolicy> fromWireName(String value) {
    return Arrays.stream(values()).filter(policy -> policy.wireName.equals(value)).findFirst();
  }

  /** Every accepted config value, for error messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(SelectPolicy::wireName).toList();
  }
}
