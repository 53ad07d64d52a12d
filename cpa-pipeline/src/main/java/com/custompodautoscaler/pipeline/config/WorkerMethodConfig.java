package com.custompodautoscaler.pipeline.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A program started once and kept: each call writes the stage document to its stdin as one line and
 * reads one line of its stdout as the result. Up to {@code processes} of them answer at once.
 */
public record WorkerMethodConfig(
    Duration timeout, String entrypoint, List<String> command, int processes, boolean logStderr)
    implements MethodConfig {

  public WorkerMethodConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(entrypoint, "entrypoint");
    command = List.copyOf(command);
    if (processes < 1) {
      throw new IllegalArgumentException(
          "a worker method needs at least 1 process, got " + processes);
    }
  }

  @Override
  public String type() {
    return "worker";
  }

  /** The worker as messages show it: {@code worker entrypoint 'python3', command '[/w.py]'}. */
  public String describe() {
    return "worker entrypoint '" + entrypoint + "', command '[" + String.join(" ", command) + "]'";
  }
}
