package com.custompodautoscaler.pipeline.config;

import com.custompodautoscaler.core.decision.DecisionRules;
import com.custompodautoscaler.core.model.ReplicaBounds;
import com.custompodautoscaler.core.model.RunMode;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded and validated autoscaler configuration. {@code rules} are how runs decide the replicas
 * within {@code bounds}: the {@code behavior} if set, else the HPA's rules without a behavior when
 * {@code hpaScaleUpLimit} is set, else CPA v2's {@code downscaleStabilization}. {@code healthPort}
 * is 0 when there is no health listener.
 */
public record AutoscalerConfig(
    TargetRef scaleTargetRef,
    String namespace,
    Map<Stage, MethodConfig> methods,
    Duration interval,
    Duration startTime,
    ReplicaBounds bounds,
    RunMode runMode,
    int logVerbosity,
    DecisionRules rules,
    ApiConfig api,
    KubernetesMetricsConfig kubernetesMetrics,
    int perPodConcurrency,
    int maxOutputBytes,
    String cpaName,
    int healthPort) {

  public AutoscalerConfig {
    Objects.requireNonNull(scaleTargetRef, "scaleTargetRef");
    Objects.requireNonNull(namespace, "namespace");
    methods = Map.copyOf(new EnumMap<>(methods));
    if (!methods.containsKey(Stage.METRIC) || !methods.containsKey(Stage.EVALUATE)) {
      throw new IllegalArgumentException("metric and evaluate methods are required");
    }
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(runMode, "runMode");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(kubernetesMetrics, "kubernetesMetrics");
    Objects.requireNonNull(cpaName, "cpaName");
    if (healthPort < 0 || healthPort > ApiConfigBinder.HIGHEST_PORT) {
      throw new IllegalArgumentException("healthPort " + healthPort + " is not a port");
    }
  }

  /** The CustomPodAutoscaler to report to, when the autoscaler runs for one. */
  public Optional<String> reportsTo() {
    return cpaName.isBlank() ? Optional.empty() : Optional.of(cpaName);
  }

  /** The port of the listener for probes, which serves only the health endpoints, if any. */
  public Optional<Integer> healthListenerPort() {
    return healthPort == 0 ? Optional.empty() : Optional.of(healthPort);
  }

  /** The method configured for {@code stage}, if any. */
  public Optional<MethodConfig> method(Stage stage) {
    return Optional.ofNullable(methods.get(stage));
  }

  /** The Kubernetes metric settings; the specs are kept as written until they are gathered. */
  public record KubernetesMetricsConfig(
      List<MetricSpec> specs,
      boolean required,
      Duration initialReadinessDelay,
      Duration cpuInitializationPeriod) {

    public KubernetesMetricsConfig {
      specs = List.copyOf(specs);
      Objects.requireNonNull(initialReadinessDelay, "initialReadinessDelay");
      Objects.requireNonNull(cpuInitializationPeriod, "cpuInitializationPeriod");
    }
  }
}
