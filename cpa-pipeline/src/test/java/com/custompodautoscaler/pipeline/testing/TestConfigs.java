package com.custompodautoscaler.pipeline.testing;

import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import java.util.Map;

/** Configurations for tests, written as YAML on top of a minimal valid one. */
public final class TestConfigs {

  /**
   * A Deployment target in namespace {@code test}, with placeholder metric and evaluate methods.
   */
  public static final String BASE =
      String.join(
          "\n",
          "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
          "namespace: test",
          "metric: {type: shell, shell: {entrypoint: /bin/true}}",
          "evaluate: {type: shell, shell: {entrypoint: /bin/true}}",
          "");

  private TestConfigs() {}

  /** The base configuration with {@code extraYaml} added (its keys must not repeat the base's). */
  public static AutoscalerConfig config(String extraYaml) {
    return config(extraYaml, Map.of());
  }

  /** The base configuration with {@code extraYaml} added and {@code env} applied on top. */
  public static AutoscalerConfig config(String extraYaml, Map<String, String> env) {
    try {
      return ConfigLoader.load(BASE + extraYaml, "test config", env).config();
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
