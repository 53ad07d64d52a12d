package com.custompodautoscaler.pipeline.config;

import java.util.Objects;

/** One thing wrong with a configuration, named by the key it concerns. */
public record ConfigProblem(Severity severity, String key, String message) {

  /** Errors stop the autoscaler from starting; warnings are printed and it starts anyway. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public ConfigProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** The line printed for this problem: {@code error interval: must be positive}. */
  public String describe() {
    String label = severity == Severity.ERROR ? "error  " : "warning";
    return label + " " + (key.isEmpty() ? message : key + ": " + message);
  }
}
