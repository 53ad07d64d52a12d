package com.custompodautoscaler.operator.model;

import java.util.Objects;

/** The API group and resource (plural) of a CustomPodAutoscaler's target, found by discovery. */
public record TargetResource(String group, String resource) {

  public TargetResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resource, "resource");
  }
}
