package com.custompodautoscaler.pipeline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A class implementing {@code InProcessUserLogic}, loaded from the autoscaler's own classpath and
 * {@code classpath}, and called in-process.
 */
public record JavaMethodConfig(Duration timeout, String className, List<Path> classpath)
    implements MethodConfig {

  public JavaMethodConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(className, "className");
    classpath = List.copyOf(classpath);
  }

  @Override
  public String type() {
    return "java";
  }

  /** The class as messages show it: {@code class 'com.example.Logic'}. */
  public String describe() {
    return "class '" + className + "'";
  }
}
