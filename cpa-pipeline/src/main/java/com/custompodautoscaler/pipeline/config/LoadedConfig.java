package com.custompodautoscaler.pipeline.config;

import java.util.List;
import java.util.Objects;

/** A valid configuration, the warnings found while loading it, and where it came from. */
public record LoadedConfig(AutoscalerConfig config, List<ConfigProblem> warnings, String source) {

  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(source, "source");
  }
}
