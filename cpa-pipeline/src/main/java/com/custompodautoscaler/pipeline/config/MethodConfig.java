package com.custompodautoscaler.pipeline.config;

import java.time.Duration;

/**
 * How one stage's user logic is reached: a shell command, an HTTP request, a Java class or a
 * worker.
 */
public sealed interface MethodConfig
    permits ShellMethodConfig, HttpMethodConfig, JavaMethodConfig, WorkerMethodConfig {

  /** The longest a call may take. */
  Duration timeout();

  /**
   * The method type as configs write it: {@code shell}, {@code http}, {@code java}, {@code worker}.
   */
  String type();
}
