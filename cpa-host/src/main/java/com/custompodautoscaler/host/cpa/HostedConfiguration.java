package com.custompodautoscaler.host.cpa;

import com.custompodautoscaler.api.v1.AutoscalerEnvironment;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.ConfigProblem;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hosted CPA's configuration, read as its own autoscaler would read it: the configuration file
 * its variables name ({@code configPath}, else {@code /config.yaml}) from the ConfigMaps it mounts,
 * with the variables its pod would have (the template's plain values, then the operator's) applied
 * over it, which its commands get too.
 *
 * @param loaded the configuration, with its warnings
 * @param environment the CPA's variables, for its commands
 */
public record HostedConfiguration(LoadedConfig loaded, Map<String, String> environment) {

  public HostedConfiguration {
    environment = Map.copyOf(environment);
  }

  /**
   * Loads {@code cpa}'s configuration from {@code files}.
   *
   * @throws InvalidConfigException when the file is missing from the CPA's ConfigMaps or invalid,
   *     naming the problems as the autoscaler would
   */
  public static HostedConfiguration load(CustomPodAutoscaler cpa, HostedFiles files)
      throws InvalidConfigException {
    Map<String, String> environment = new LinkedHashMap<>();
    List<EnvVar> template = cpa.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    for (EnvVar variable : template) {
      environment.put(variable.getName(), Optional.ofNullable(variable.getValue()).orElse(""));
    }
    for (EnvVar variable : AutoscalerEnvironment.of(cpa)) {
      environment.put(variable.getName(), variable.getValue());
    }
    Path configPath = ConfigLoader.configPath(Optional.empty(), environment);
    String source =
        cpa.getMetadata().getNamespace() + "/" + cpa.getMetadata().getName() + " " + configPath;
    Optional<Path> onHost = files.onHost(configPath.toString());
    String content;
    try {
      content = Files.readString(onHost.orElseThrow(() -> new NoSuchFileException(source)));
    } catch (IOException e) {
      throw new InvalidConfigException(
          source,
          List.of(
              new ConfigProblem(
                  ConfigProblem.Severity.ERROR,
                  "",
                  "the config file is not in a ConfigMap the CPA mounts; a hosted CPA's files"
                      + " come from its ConfigMaps")));
    }
    return new HostedConfiguration(ConfigLoader.load(content, source, environment), environment);
  }
}
