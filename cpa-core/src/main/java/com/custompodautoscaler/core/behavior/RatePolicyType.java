package com.custompodautoscaler.core.behavior;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a rate policy's value is read: a number of pods, or a percentage of the replicas. */
public enum RatePolicyType {
  PODS("Pods"),
  PERCENT("Percent");

  private final String wireName;

  RatePolicyType(String wireName) {
    this.wireName = wireName;
  }

  /** The value written in a policy's {@code type}, as Kubernetes spells it. */
  public String wireName() {
    return wireName;
  }

  /** The policy type a config value names, if any. */
  public static Optional<RatePolicyType> fromWireName(String value) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
  }

  /** Every accepted config value, for error messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(RatePolicyType::wireName).toList();
  }
}
