package com.custompodautoscaler.autoscaler.config;

import java.time.Duration;

/** How one stage's user logic is reached: a shell command, an HTTP request or a Java class. */
public sealed interface MethodConfig permits ShellMethodConfig, HttpMethodConfig, JavaMethodConfig {

  /** The longest a call may take. */
  Duration timeout();

  /** The method type as configs write it: {@code shell}, {@code http} or {@code java}. */
  String type();
}
