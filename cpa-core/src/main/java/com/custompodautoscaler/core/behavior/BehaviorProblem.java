package com.custompodautoscaler.core.behavior;

import java.util.Objects;

/** One thing wrong with a {@code behavior}, named by its field path. */
public record BehaviorProblem(String field, String message) {

  public BehaviorProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** The problem as one line: {@code behavior.scaleUp.policies[1].value: must be ...}. */
  public String describe() {
    return field + ": " + message;
  }
}
