package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.TopLevelKeys.CPA_NAME;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.CPU_INITIALIZATION_PERIOD;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.DOWNSCALE_STABILIZATION;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.HEALTH_PORT;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.HPA_SCALE_UP_LIMIT;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.INITIAL_READINESS_DELAY;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.INTERVAL;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.LOG_VERBOSITY;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.MAX_OUTPUT_BYTES;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.MAX_REPLICAS;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.MIN_REPLICAS;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.NAMESPACE;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.PER_POD_CONCURRENCY;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.REQUIRE_KUBERNETES_METRICS;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.RUN_MODE;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.SCALE_TARGET_REF;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.START_TIME;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.TARGET_API_VERSION;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.TARGET_KIND;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.TARGET_NAME;

import com.custompodautoscaler.core.behavior.ScalingBehavior;
import com.custompodautoscaler.core.decision.CpaDownscaleStabilization;
import com.custompodautoscaler.core.decision.DecisionRules;
import com.custompodautoscaler.core.decision.HpaWithBehavior;
import com.custompodautoscaler.core.decision.HpaWithoutBehavior;
import com.custompodautoscaler.core.model.ReplicaBounds;
import com.custompodautoscaler.core.model.RunMode;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig.KubernetesMetricsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Turns a merged configuration tree into an {@link AutoscalerConfig}, finding every problem. */
final class ConfigBinder {

  private ConfigBinder() {}

  /** The configuration, or empty when {@code problems} holds an error. */
  static Optional<AutoscalerConfig> bind(JsonNode root, ConfigProblems problems) {
    SchemaCheck.check(root, problems);
    BlockReader top = new BlockReader(root, ConfigBlock.TOP_LEVEL, "", problems);
    Optional<TargetRef> target = scaleTargetRef(top);
    String namespace = namespace(top);
    Map<Stage, MethodConfig> methods = methods(top);
    Optional<Duration> interval = positiveMillis(top, INTERVAL);
    Optional<Duration> startTime = positiveMillis(top, START_TIME);
    Optional<ReplicaBounds> bounds = bounds(top);
    Optional<RunMode> runMode = runMode(top);
    int logVerbosity = atLeast(top, LOG_VERBOSITY, 0);
    Duration stabilization = Duration.ofSeconds(atLeast(top, DOWNSCALE_STABILIZATION, 0));
    Optional<ScalingBehavior> behavior = BehaviorBinder.bind(top);
    boolean hpaScaleUpLimit = hpaScaleUpLimit(top, behavior);
    Optional<ApiConfig> api = ApiConfigBinder.bind(top);
    int healthPort = healthPort(top);
    api.ifPresent(found -> checkApart(top, healthPort, found));
    KubernetesMetricsConfig kubernetesMetrics = kubernetesMetrics(top);
    int perPodConcurrency = atLeast(top, PER_POD_CONCURRENCY, 1);
    int maxOutputBytes = atLeast(top, MAX_OUTPUT_BYTES, 1);
    String cpaName = top.get(CPA_NAME);
    if (problems.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(
        new AutoscalerConfig(
            target.orElseThrow(),
            namespace,
            methods,
            interval.orElseThrow(),
            startTime.orElseThrow(),
            bounds.orElseThrow(),
            runMode.orElseThrow(),
            logVerbosity,
            rules(stabilization, behavior, hpaScaleUpLimit),
            api.orElseThrow(),
            kubernetesMetrics,
            perPodConcurrency,
            maxOutputBytes,
            cpaName,
            healthPort));
  }

  private static Optional<TargetRef> scaleTargetRef(BlockReader top) {
    if (!top.has(SCALE_TARGET_REF)) {
      top.problems()
          .error(
              SCALE_TARGET_REF.name(),
              "missing; name the resource to scale, for example"
                  + " {apiVersion: apps/v1, kind: Deployment, name: web}");
      return Optional.empty();
    }
    return top.find(SCALE_TARGET_REF)
        .flatMap(
            ref -> {
              Optional<String> apiVersion =
                  MethodBinder.nonBlank(
                      ref, TARGET_API_VERSION, "the API version, such as apps/v1");
              Optional<String> kind =
                  MethodBinder.nonBlank(ref, TARGET_KIND, "the kind, such as Deployment");
              Optional<String> name =
                  MethodBinder.nonBlank(ref, TARGET_NAME, "the resource's name");
              if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new TargetRef(apiVersion.get(), kind.get(), name.get()));
            });
  }

  private static String namespace(BlockReader top) {
    String namespace = top.get(NAMESPACE);
    if (namespace.isBlank()) {
      top.problems().error(NAMESPACE.name(), "must not be empty");
    }
    return namespace;
  }

  private static Map<Stage, MethodConfig> methods(BlockReader top) {
    Map<Stage, MethodConfig> methods = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      Key<BlockReader> key = TopLevelKeys.methodOf(stage);
      if (!top.has(key)) {
        if (stage.isRequired()) {
          top.problems()
              .error(
                  key.name(),
                  "missing; the " + key.name() + " method is required (type shell, http or java)");
        }
        continue;
      }
      top.find(key).flatMap(MethodBinder::bind).ifPresent(method -> methods.put(stage, method));
    }
    return methods;
  }

  private static Optional<Duration> positiveMillis(BlockReader top, DefaultedKey<Long> key) {
    long millis = top.get(key);
    if (millis <= 0) {
      top.problems().error(key.name(), "must be a positive number of milliseconds, got " + millis);
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(millis));
  }

  private static boolean hpaScaleUpLimit(BlockReader top, Optional<ScalingBehavior> behavior) {
    boolean limit = top.get(HPA_SCALE_UP_LIMIT);
    if (limit && behavior.isPresent()) {
      top.problems()
          .error(
              HPA_SCALE_UP_LIMIT.name(),
              "set either behavior or hpaScaleUpLimit, not both; an HPA with a behavior limits"
                  + " its scale-ups by the behavior's policies");
    }
    return limit;
  }

  /**
   * The rules runs decide by: the {@code behavior} if set, else the HPA's without a behavior when
   * {@code hpaScaleUpLimit} is set, else CPA v2's; called once every key is valid.
   */
  private static DecisionRules rules(
      Duration stabilization, Optional<ScalingBehavior> behavior, boolean hpaScaleUpLimit) {
    if (behavior.isPresent()) {
      return new HpaWithBehavior(behavior.get());
    }
    return hpaScaleUpLimit
        ? new HpaWithoutBehavior(stabilization)
        : new CpaDownscaleStabilization(stabilization);
  }

  /** The health listener's port; 0 when there is none, or when a wrong one was reported. */
  private static int healthPort(BlockReader top) {
    // Empty when the key is absent, or of the wrong type, which is reported already.
    Optional<Integer> found = top.find(HEALTH_PORT);
    int port = found.orElse(0);
    if (found.isPresent() && (port < 1 || port > ApiConfigBinder.HIGHEST_PORT)) {
      top.problems()
          .error(
              HEALTH_PORT.name(),
              "must be from 1 to " + ApiConfigBinder.HIGHEST_PORT + ", got " + port);
      return 0;
    }
    return port;
  }

  /** Reports a health port the REST API listens on too: one of the two could not start. */
  private static void checkApart(BlockReader top, int healthPort, ApiConfig api) {
    if (healthPort != 0 && api.enabled() && api.port() == healthPort) {
      top.problems()
          .error(
              HEALTH_PORT.name(),
              healthPort
                  + " is also apiConfig.port, where the REST API listens; give the health"
                  + " endpoints another port, or move the REST API");
    }
  }

  private static Optional<ReplicaBounds> bounds(BlockReader top) {
    int min = atLeast(top, MIN_REPLICAS, 0);
    int max = atLeast(top, MAX_REPLICAS, 0);
    if (min > max) {
      top.problems()
          .error(MIN_REPLICAS.name(), "minReplicas " + min + " is greater than maxReplicas " + max);
    }
    return min >= 0 && max >= 0 && min <= max
        ? Optional.of(new ReplicaBounds(min, max))
        : Optional.empty();
  }

  private static Optional<RunMode> runMode(BlockReader top) {
    String mode = top.get(RUN_MODE);
    Optional<RunMode> parsed = RunMode.fromWireName(mode);
    if (parsed.isEmpty()) {
      top.problems()
          .error(
              RUN_MODE.name(),
              "unknown run mode \""
                  + mode
                  + "\"; expected "
                  + String.join(" or ", RunMode.wireNames()));
    }
    return parsed;
  }

  /** An integer key whose value must be at least {@code minimum}; reports and returns it. */
  private static int atLeast(BlockReader top, DefaultedKey<Long> key, int minimum) {
    long value = top.get(key);
    if (value < minimum) {
      top.problems().error(key.name(), "must be at least " + minimum + ", got " + value);
    } else if (value > Integer.MAX_VALUE) {
      top.problems().error(key.name(), "value " + value + " is out of range");
    }
    return (int) Math.max(Math.min(value, Integer.MAX_VALUE), Integer.MIN_VALUE);
  }

  private static KubernetesMetricsConfig kubernetesMetrics(BlockReader top) {
    return new KubernetesMetricsConfig(
        MetricSpecBinder.bind(top),
        top.get(REQUIRE_KUBERNETES_METRICS),
        Duration.ofSeconds(atLeast(top, INITIAL_READINESS_DELAY, 0)),
        Duration.ofSeconds(atLeast(top, CPU_INITIALIZATION_PERIOD, 0)));
  }
}
