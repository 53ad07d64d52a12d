package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.KeyType.BOOLEAN;
import static com.custompodautoscaler.pipeline.config.KeyType.INTEGER;
import static com.custompodautoscaler.pipeline.config.KeyType.LONG;
import static com.custompodautoscaler.pipeline.config.KeyType.STRING;

import com.custompodautoscaler.core.model.Stage;
import java.util.List;
import java.util.Map;

/** The top-level keys, and those of {@code scaleTargetRef} and {@code apiConfig}. */
final class TopLevelKeys {

  static final Key<BlockReader> SCALE_TARGET_REF =
      Key.required(
          "scaleTargetRef",
          KeyType.block(ConfigBlock.SCALE_TARGET_REF),
          "The resource to scale: `apiVersion`, `kind` and `name`. The operator injects it.");
  static final DefaultedKey<String> NAMESPACE =
      Key.withDefault(
              "namespace",
              STRING,
              "default",
              "Namespace of the target and its pods. The operator injects it.")
          .parsedFromEnvironmentAs(EnvParsing.RAW_STRING);
  static final Key<BlockReader> METRIC = method(Stage.METRIC, "Gathers metrics; see methods.");
  static final Key<BlockReader> EVALUATE =
      method(Stage.EVALUATE, "Turns metrics into `targetReplicas`.");
  static final Key<BlockReader> PRE_METRIC =
      method(Stage.PRE_METRIC, "Hook run before metric gathering.");
  static final Key<BlockReader> POST_METRIC =
      method(Stage.POST_METRIC, "Hook run after metric gathering.");
  static final Key<BlockReader> PRE_EVALUATE =
      method(Stage.PRE_EVALUATE, "Hook run before evaluation.");
  static final Key<BlockReader> POST_EVALUATE =
      method(Stage.POST_EVALUATE, "Hook run after evaluation.");
  static final Key<BlockReader> PRE_SCALE =
      method(Stage.PRE_SCALE, "Hook run before the replica count is set.");
  static final Key<BlockReader> POST_SCALE =
      method(Stage.POST_SCALE, "Hook run after the replica count is set or kept.");
  static final DefaultedKey<Long> INTERVAL =
      Key.withDefault("interval", LONG.in("ms"), 15000L, "Time between runs, at a fixed rate.")
          .parsedFromEnvironmentAs(EnvParsing.BASE10_INTEGER);
  static final DefaultedKey<Long> START_TIME =
      Key.withDefault(
          "startTime",
          LONG.in("ms"),
          1L,
          "Runs are aligned to multiples of this since the epoch; the first run comes one"
              + " `interval` after the aligned start.");
  static final DefaultedKey<Long> MIN_REPLICAS =
      Key.withDefault("minReplicas", LONG, 1L, "Lowest replica count; 0 allows scaling to zero.");
  static final DefaultedKey<Long> MAX_REPLICAS =
      Key.withDefault("maxReplicas", LONG, 10L, "Highest replica count.");
  static final DefaultedKey<String> RUN_MODE =
      Key.withDefault("runMode", STRING, "per-pod", "`per-pod` or `per-resource`.")
          .parsedFromEnvironmentAs(EnvParsing.RAW_STRING);
  static final DefaultedKey<Long> LOG_VERBOSITY =
      Key.withDefault("logVerbosity", LONG, 0L, "0 (decisions) to 4 (every command and request).");
  static final DefaultedKey<Long> DOWNSCALE_STABILIZATION =
      Key.withDefault(
              "downscaleStabilization",
              LONG.in("s"),
              0L,
              "Window in which a downscale keeps the highest recommendation.")
          .parsedFromEnvironmentAs(EnvParsing.BASE10_INTEGER);
  static final DefaultedKey<Boolean> HPA_SCALE_UP_LIMIT =
      Key.withDefault(
          "hpaScaleUpLimit",
          BOOLEAN,
          false,
          "Decide as the HPA controller does for an HPA without `behavior`: each scale-up at most"
              + " to twice the current replicas or 4, whichever is more, and a target outside the"
              + " bounds straight to the nearer one; with `downscaleStabilization: 300` that HPA's"
              + " rules exactly. Not with `behavior`.");
  static final Key<BlockReader> BEHAVIOR =
      Key.optional(
          "behavior",
          KeyType.block(ConfigBlock.BEHAVIOR),
          "none",
          "The Kubernetes HPA's autoscaling/v2 `behavior`: stabilization windows and rate"
              + " policies for scaling up and down. Not with `downscaleStabilization`.");
  static final Key<BlockReader> API_CONFIG =
      Key.optional(
          "apiConfig", KeyType.block(ConfigBlock.API_CONFIG), "see apiConfig", "The REST API.");
  static final Key<Integer> HEALTH_PORT =
      Key.optional(
          "healthPort",
          INTEGER,
          "none",
          "Port of a second listener, plain HTTP on all interfaces, serving only `/healthz`,"
              + " `/readyz` and `/metrics`, for probes; it stays up when the REST API is off or"
              + " moved. 1 to 65535, not `apiConfig.port`. The operator sets it.");
  static final Key<List<BlockReader>> KUBERNETES_METRIC_SPECS =
      Key.optional(
          "kubernetesMetricSpecs",
          KeyType.listOf(KeyType.block(ConfigBlock.METRIC_SPEC)),
          "none",
          "autoscaling/v2 metric specs (Resource, Pods, Object, External, ContainerResource)"
              + " whose values user logic receives as kubernetesMetrics.");
  static final DefaultedKey<Boolean> REQUIRE_KUBERNETES_METRICS =
      Key.withDefault(
          "requireKubernetesMetrics",
          BOOLEAN,
          false,
          "Whether a failure to gather Kubernetes metrics fails the run.");
  static final DefaultedKey<Long> INITIAL_READINESS_DELAY =
      Key.withDefault(
          "initialReadinessDelay",
          LONG.in("s"),
          30L,
          "HPA's delay of initial readiness, for CPU metrics.");
  static final DefaultedKey<Long> CPU_INITIALIZATION_PERIOD =
      Key.withDefault(
          "cpuInitializationPeriod",
          LONG.in("s"),
          300L,
          "HPA's CPU initialization period, for CPU metrics.");
  static final DefaultedKey<Long> PER_POD_CONCURRENCY =
      Key.withDefault(
          "perPodConcurrency",
          LONG,
          8L,
          "Per-pod metric calls run at once; 1 calls them one after another as CPA v2 does.");
  static final DefaultedKey<String> CPA_NAME =
      Key.withDefault(
              "cpaName",
              STRING,
              "",
              "The CustomPodAutoscaler this autoscaler reports to: its status, events and durable"
                  + " stabilization history. The operator sets it.")
          .parsedFromEnvironmentAs(EnvParsing.RAW_STRING);
  static final DefaultedKey<Long> MAX_OUTPUT_BYTES =
      Key.withDefault(
          "maxOutputBytes",
          LONG,
          1048576L,
          "Most bytes a method may write to stdout, to stderr, or as an HTTP response body.");

  static final Key<String> TARGET_API_VERSION =
      Key.required("apiVersion", STRING, "For example `apps/v1` or `v1`.");
  static final Key<String> TARGET_KIND = Key.required("kind", STRING, "For example `Deployment`.");
  static final Key<String> TARGET_NAME = Key.required("name", STRING, "The target's name.");

  static final DefaultedKey<Boolean> ENABLED =
      Key.withDefault("enabled", BOOLEAN, true, "Whether the REST API runs.");
  static final DefaultedKey<Boolean> USE_HTTPS =
      Key.withDefault("useHTTPS", BOOLEAN, false, "Serve HTTPS from `certFile` and `keyFile`.");
  static final DefaultedKey<Integer> PORT =
      Key.withDefault("port", INTEGER, 5000, "Port to listen on; 0 picks a free port.");
  static final DefaultedKey<String> HOST =
      Key.withDefault("host", STRING, "0.0.0.0", "Address to listen on.");
  static final DefaultedKey<String> CERT_FILE =
      Key.withDefault("certFile", STRING, "", "PEM certificate chain for HTTPS.");
  static final DefaultedKey<String> KEY_FILE =
      Key.withDefault("keyFile", STRING, "", "PEM private key for HTTPS.");

  static final Key<Map<String, String>> VARIABLE_ALIASES =
      Key.optional(
          "variableAliases",
          KeyType.mapOf(STRING),
          "none",
          "Environment variables read under another top-level key's name: `{metrics:"
              + " kubernetesMetricSpecs}` reads variable `metrics` as `kubernetesMetricSpecs`,"
              + " unless that variable is set too. Read from the file only.");

  static final List<Key<?>> OF_TOP_LEVEL =
      List.of(
          SCALE_TARGET_REF,
          NAMESPACE,
          METRIC,
          EVALUATE,
          PRE_METRIC,
          POST_METRIC,
          PRE_EVALUATE,
          POST_EVALUATE,
          PRE_SCALE,
          POST_SCALE,
          INTERVAL,
          START_TIME,
          MIN_REPLICAS,
          MAX_REPLICAS,
          RUN_MODE,
          LOG_VERBOSITY,
          DOWNSCALE_STABILIZATION,
          HPA_SCALE_UP_LIMIT,
          BEHAVIOR,
          API_CONFIG,
          HEALTH_PORT,
          KUBERNETES_METRIC_SPECS,
          REQUIRE_KUBERNETES_METRICS,
          INITIAL_READINESS_DELAY,
          CPU_INITIALIZATION_PERIOD,
          PER_POD_CONCURRENCY,
          CPA_NAME,
          MAX_OUTPUT_BYTES,
          VARIABLE_ALIASES);
  static final List<Key<?>> OF_SCALE_TARGET_REF =
      List.of(TARGET_API_VERSION, TARGET_KIND, TARGET_NAME);
  static final List<Key<?>> OF_API_CONFIG =
      List.of(ENABLED, USE_HTTPS, PORT, HOST, CERT_FILE, KEY_FILE);

  private TopLevelKeys() {}

  /** The key that holds {@code stage}'s method. */
  static Key<BlockReader> methodOf(Stage stage) {
    return switch (stage) {
      case PRE_METRIC -> PRE_METRIC;
      case METRIC -> METRIC;
      case POST_METRIC -> POST_METRIC;
      case PRE_EVALUATE -> PRE_EVALUATE;
      case EVALUATE -> EVALUATE;
      case POST_EVALUATE -> POST_EVALUATE;
      case PRE_SCALE -> PRE_SCALE;
      case POST_SCALE -> POST_SCALE;
    };
  }

  /** The key named after {@code stage}: required for the two stages, optional for the hooks. */
  private static Key<BlockReader> method(Stage stage, String description) {
    KeyType<BlockReader> type = KeyType.block(ConfigBlock.METHOD);
    return stage.isRequired()
        ? Key.required(stage.configKey(), type, description)
        : Key.optional(stage.configKey(), type, "none", description);
  }
}
