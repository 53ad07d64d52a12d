package com.custompodautoscaler.autoscaler.config;

import java.time.Duration;

/** How one stage's user logic is reached: a shell command or an HTTP request. */
public sealed interface MethodConfig permits ShellMethodConfig, HttpMethodConfig {

  /** The longest a call may take. */
  Duration timeout();

  /** The method type as configs write it: {@code shell} or {@code http}. */
  String type();
}
