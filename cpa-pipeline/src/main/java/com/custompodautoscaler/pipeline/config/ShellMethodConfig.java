package com.custompodautoscaler.pipeline.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A program run with the stage document on stdin; its stdout is the result. */
public record ShellMethodConfig(
    Duration timeout, String entrypoint, List<String> command, boolean logStderr)
    implements MethodConfig {

  public ShellMethodConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(entrypoint, "entrypoint");
    command = List.copyOf(command);
  }

  @Override
  public String type() {
    return "shell";
  }

  /** The command as messages show it: {@code entrypoint '/bin/sh', command '[-c exit 1]'}. */
  public String describe() {
    return "entrypoint '" + entrypoint + "', command '[" + String.join(" ", command) + "]'";
  }
}
