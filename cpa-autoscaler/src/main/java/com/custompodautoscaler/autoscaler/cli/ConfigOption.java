package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.ConfigProblem;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config} option, shared by the commands that read a configuration. */
final class ConfigOption {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file (YAML or JSON). Default: the file named by the configPath environment"
              + " variable, else /config.yaml.")
  private Path file;

  /**
   * Loads the configuration, printing the warnings found; when it is invalid, prints every problem
   * and returns empty.
   */
  Optional<LoadedConfig> loadOrReport(PrintWriter err) {
    return loadOrReport(err, Map.of());
  }

  /** As {@link #loadOrReport(PrintWriter)}, with {@code configEntries} over the environment. */
  Optional<LoadedConfig> loadOrReport(PrintWriter err, Map<String, String> configEntries) {
    try {
      return Optional.of(load(err, configEntries));
    } catch (InvalidConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return Optional.empty();
    }
  }

  /** Loads the configuration with the process environment, printing the warnings found. */
  LoadedConfig load(PrintWriter err) throws InvalidConfigException {
    return load(err, Map.of());
  }

  private LoadedConfig load(PrintWriter err, Map<String, String> configEntries)
      throws InvalidConfigException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(configEntries);
    LoadedConfig loaded =
        ConfigLoader.load(ConfigLoader.configPath(Optional.ofNullable(file), env), env);
    for (ConfigProblem warning : loaded.warnings()) {
      err.println(warning.describe());
    }
    err.flush();
    return loaded;
  }
}
