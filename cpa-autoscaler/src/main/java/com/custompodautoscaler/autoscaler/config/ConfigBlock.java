package com.custompodautoscaler.autoscaler.config;

import static com.custompodautoscaler.autoscaler.config.KeySpec.scalar;
import static com.custompodautoscaler.autoscaler.config.KeySpec.structured;
import static com.custompodautoscaler.autoscaler.config.ValueType.Scalar.BOOLEAN;
import static com.custompodautoscaler.autoscaler.config.ValueType.Scalar.INTEGER;
import static com.custompodautoscaler.autoscaler.config.ValueType.Scalar.QUANTITY;
import static com.custompodautoscaler.autoscaler.config.ValueType.Scalar.STRING;

import java.util.List;
import java.util.Optional;

/**
 * The configuration schema: every key the autoscaler reads, block by block. Unknown-key warnings,
 * environment overrides, defaults and {@code docs/configuration.md} all come from here.
 */
public enum ConfigBlock {
  SHELL(
      "shell",
      List.of(
          structured(
              "entrypoint",
              STRING,
              "required",
              "Program to run, looked up on `PATH` when it has no slash."),
          structured(
              "command", new ValueType.ListOf(STRING), "[]", "Arguments passed to the program."),
          scalar("logStderr", BOOLEAN, false, "Log stderr of successful calls too."))),
  JAVA(
      "java",
      List.of(
          structured(
              "className",
              STRING,
              "required",
              "A public class with a public no-argument constructor that implements"
                  + " `com.custompodautoscaler.api.spi.InProcessUserLogic`."),
          structured(
              "classpath",
              new ValueType.ListOf(STRING),
              "[]",
              "Jar files or class folders to load it from, besides the autoscaler's own; relative"
                  + " paths resolve from the working directory."))),
  HTTP(
      "http",
      List.of(
          scalar("method", STRING, "GET", "HTTP method."),
          structured("url", STRING, "required", "Absolute `http` or `https` URL."),
          structured(
              "headers", new ValueType.MapOf(STRING), "{}", "Headers added to every request."),
          structured(
              "successCodes",
              new ValueType.ListOf(INTEGER),
              "any 2xx",
              "Statuses that count as success; an explicitly empty list is an error."),
          structured(
              "parameterMode",
              STRING,
              "required",
              "`query` adds the document as query parameter `value`; `body` sends it as the body."),
          scalar("caCert", STRING, "", "PEM CA certificates to trust instead of the system's."),
          scalar("clientCert", STRING, "", "PEM client certificate, with `clientKey`."),
          scalar("clientKey", STRING, "", "PEM client private key, with `clientCert`."))),
  METHOD(
      "methods",
      "method",
      "methods",
      List.of(
          structured("type", STRING, "required", "`shell`, `http` or `java`."),
          scalar(
                  "timeout",
                  INTEGER,
                  5000,
                  "Longest a call may take; a shell command is killed with its whole process"
                      + " tree.")
              .in("ms"),
          structured(
              "shell", new ValueType.Nested(SHELL), "none", "Required when `type` is `shell`."),
          structured("http", new ValueType.Nested(HTTP), "none", "Required when `type` is `http`."),
          structured(
              "java", new ValueType.Nested(JAVA), "none", "Required when `type` is `java`."))),
  RATE_POLICY(
      "behavior policies",
      "policy",
      "policies",
      List.of(
          structured("type", STRING, "required", "`Pods` or `Percent`."),
          structured(
              "value",
              INTEGER,
              "required",
              "Pods, or percent of the replicas at the period's start; above 0."),
          structured(
                  "periodSeconds",
                  INTEGER,
                  "required",
                  "How far back the policy looks at past rescales; 1 to 1800.")
              .in("s"))),
  SCALING_RULES(
      "behavior.scaleUp and behavior.scaleDown",
      List.of(
          structured(
                  "stabilizationWindowSeconds",
                  INTEGER,
                  "0 up, 300 down",
                  "Recommendations remembered; scaling up takes the lowest of them, scaling down"
                      + " the highest. 0 to 3600.")
              .in("s"),
          structured(
              "selectPolicy",
              STRING,
              "Max",
              "`Max` (the policy allowing most change), `Min` (least) or `Disabled` (no scaling"
                  + " in this direction)."),
          structured(
              "policies",
              new ValueType.ListOf(new ValueType.Nested(RATE_POLICY)),
              "as scaleUp and scaleDown say",
              "Rate policies; at least one when the key is written."))),
  BEHAVIOR(
      "behavior",
      List.of(
          structured(
              "scaleUp",
              new ValueType.Nested(SCALING_RULES),
              "no window; Max of 4 pods and 100 percent per 15 s",
              "Rules for scaling up."),
          structured(
              "scaleDown",
              new ValueType.Nested(SCALING_RULES),
              "300 s window; Max of 100 percent per 15 s",
              "Rules for scaling down."))),
  SCALE_TARGET_REF(
      "scaleTargetRef",
      List.of(
          structured("apiVersion", STRING, "required", "For example `apps/v1` or `v1`."),
          structured("kind", STRING, "required", "For example `Deployment`."),
          structured("name", STRING, "required", "The target's name."))),
  API_CONFIG(
      "apiConfig",
      List.of(
          scalar("enabled", BOOLEAN, true, "Whether the REST API runs."),
          scalar("useHTTPS", BOOLEAN, false, "Serve HTTPS from `certFile` and `keyFile`."),
          scalar("port", INTEGER, 5000, "Port to listen on; 0 picks a free port."),
          scalar("host", STRING, "0.0.0.0", "Address to listen on."),
          scalar("certFile", STRING, "", "PEM certificate chain for HTTPS."),
          scalar("keyFile", STRING, "", "PEM private key for HTTPS."))),
  METRIC_TARGET(
      "target",
      List.of(
          structured(
              "type",
              STRING,
              "required",
              "`Utilization` (Resource and ContainerResource), `AverageValue` or `Value` (Object"
                  + " and External)."),
          structured(
              "averageUtilization",
              INTEGER,
              "none",
              "For `Utilization`: percent of the pods' requests, above 0."),
          structured(
              "averageValue",
              QUANTITY,
              "none",
              "For `AverageValue`: a Kubernetes quantity such as `500m` or `30`."),
          structured(
              "value", QUANTITY, "none", "For `Value`: a Kubernetes quantity such as `10k`."))),
  SELECTOR_REQUIREMENT(
      "selector.matchExpressions",
      "requirement",
      "requirements",
      List.of(
          structured("key", STRING, "required", "The label's name."),
          structured("operator", STRING, "required", "`In`, `NotIn`, `Exists` or `DoesNotExist`."),
          structured(
              "values",
              new ValueType.ListOf(STRING),
              "[]",
              "The values for `In` and `NotIn`; none for the others."))),
  LABEL_SELECTOR(
      "selector",
      List.of(
          structured(
              "matchLabels",
              new ValueType.MapOf(STRING),
              "{}",
              "Labels a series must have, each with its value."),
          structured(
              "matchExpressions",
              new ValueType.ListOf(new ValueType.Nested(SELECTOR_REQUIREMENT)),
              "[]",
              "Requirements a series must meet, all of them."))),
  METRIC_IDENTIFIER(
      "metric",
      List.of(
          structured("name", STRING, "required", "The metric's name."),
          structured(
              "selector",
              new ValueType.Nested(LABEL_SELECTOR),
              "none",
              "Narrows the metric to the series whose labels match."))),
  DESCRIBED_OBJECT(
      "object.describedObject",
      List.of(
          structured("apiVersion", STRING, "none", "For example `networking.k8s.io/v1`."),
          structured("kind", STRING, "required", "For example `Ingress`."),
          structured("name", STRING, "required", "The object's name."))),
  RESOURCE_SOURCE(
      "resource",
      List.of(
          structured("name", STRING, "required", "The resource: `cpu` or `memory`."),
          measuredAgainst("resource"))),
  CONTAINER_RESOURCE_SOURCE(
      "containerResource",
      List.of(
          structured("name", STRING, "required", "The resource: `cpu` or `memory`."),
          structured("container", STRING, "required", "The container of each pod to measure."),
          measuredAgainst("resource"))),
  METRIC_SOURCE("pods and external", List.of(metricToRead(), measuredAgainst("metric"))),
  OBJECT_SOURCE(
      "object",
      List.of(
          structured(
              "describedObject",
              new ValueType.Nested(DESCRIBED_OBJECT),
              "required",
              "The object the metric describes, in the autoscaler's namespace."),
          metricToRead(),
          measuredAgainst("metric"))),
  METRIC_SPEC(
      "kubernetesMetricSpecs",
      "metric spec",
      "metric specs",
      List.of(
          structured(
              "type",
              STRING,
              "required",
              "`Resource`, `ContainerResource`, `Pods`, `Object` or `External`: which block"
                  + " below holds the source."),
          structured(
              "resource",
              new ValueType.Nested(RESOURCE_SOURCE),
              "none",
              "For `Resource`: a resource of the target's pods."),
          structured(
              "containerResource",
              new ValueType.Nested(CONTAINER_RESOURCE_SOURCE),
              "none",
              "For `ContainerResource`: a resource of one container of each pod."),
          structured(
              "pods",
              new ValueType.Nested(METRIC_SOURCE),
              "none",
              "For `Pods`: a custom metric of each of the target's pods."),
          structured(
              "object",
              new ValueType.Nested(OBJECT_SOURCE),
              "none",
              "For `Object`: a custom metric of one object."),
          structured(
              "external",
              new ValueType.Nested(METRIC_SOURCE),
              "none",
              "For `External`: a metric from outside the cluster."))),
  TOP_LEVEL(
      "top level",
      List.of(
          structured(
              "scaleTargetRef",
              new ValueType.Nested(SCALE_TARGET_REF),
              "required",
              "The resource to scale: `apiVersion`, `kind` and `name`. The operator injects it."),
          scalar(
                  "namespace",
                  STRING,
                  "default",
                  "Namespace of the target and its pods. The operator injects it.")
              .parsedFromEnvironmentAs(EnvParsing.RAW_STRING),
          method("metric", "required", "Gathers metrics; see methods."),
          method("evaluate", "required", "Turns metrics into `targetReplicas`."),
          method("preMetric", "none", "Hook run before metric gathering."),
          method("postMetric", "none", "Hook run after metric gathering."),
          method("preEvaluate", "none", "Hook run before evaluation."),
          method("postEvaluate", "none", "Hook run after evaluation."),
          method("preScale", "none", "Hook run before the replica count is set."),
          method("postScale", "none", "Hook run after the replica count is set or kept."),
          scalar("interval", INTEGER, 15000, "Time between runs, at a fixed rate.")
              .in("ms")
              .parsedFromEnvironmentAs(EnvParsing.BASE10_INTEGER),
          scalar(
                  "startTime",
                  INTEGER,
                  1L,
                  "Runs are aligned to multiples of this since the epoch; the first run comes one"
                      + " `interval` after the aligned start.")
              .in("ms"),
          scalar("minReplicas", INTEGER, 1, "Lowest replica count; 0 allows scaling to zero."),
          scalar("maxReplicas", INTEGER, 10, "Highest replica count."),
          scalar("runMode", STRING, "per-pod", "`per-pod` or `per-resource`.")
              .parsedFromEnvironmentAs(EnvParsing.RAW_STRING),
          scalar("logVerbosity", INTEGER, 0, "0 (decisions) to 4 (every command and request)."),
          scalar(
                  "downscaleStabilization",
                  INTEGER,
                  0,
                  "Window in which a downscale keeps the highest recommendation.")
              .in("s")
              .parsedFromEnvironmentAs(EnvParsing.BASE10_INTEGER),
          scalar(
              "hpaScaleUpLimit",
              BOOLEAN,
              false,
              "Decide as the HPA controller does for an HPA without `behavior`: each scale-up"
                  + " at most to twice the current replicas or 4, whichever is more, and a target"
                  + " outside the bounds straight to the nearer one; with `downscaleStabilization:"
                  + " 300` that HPA's rules exactly. Not with `behavior`."),
          structured(
              "behavior",
              new ValueType.Nested(BEHAVIOR),
              "none",
              "The Kubernetes HPA's autoscaling/v2 `behavior`: stabilization windows and rate"
                  + " policies for scaling up and down. Not with `downscaleStabilization`."),
          structured(
              "apiConfig", new ValueType.Nested(API_CONFIG), "see apiConfig", "The REST API."),
          structured(
              "kubernetesMetricSpecs",
              new ValueType.ListOf(new ValueType.Nested(METRIC_SPEC)),
              "none",
              "autoscaling/v2 metric specs (Resource, Pods, Object, External, ContainerResource)"
                  + " whose values user logic receives as kubernetesMetrics."),
          scalar(
              "requireKubernetesMetrics",
              BOOLEAN,
              false,
              "Whether a failure to gather Kubernetes metrics fails the run."),
          scalar(
                  "initialReadinessDelay",
                  INTEGER,
                  30L,
                  "HPA's delay of initial readiness, for CPU metrics.")
              .in("s"),
          scalar(
                  "cpuInitializationPeriod",
                  INTEGER,
                  300L,
                  "HPA's CPU initialization period, for CPU metrics.")
              .in("s"),
          scalar(
              "perPodConcurrency",
              INTEGER,
              8,
              "Per-pod metric calls run at once; 1 calls them one after another as CPA v2 does."),
          scalar(
                  "cpaName",
                  STRING,
                  "",
                  "The CustomPodAutoscaler this autoscaler reports to: its status, events and"
                      + " durable stabilization history. The operator sets it.")
              .parsedFromEnvironmentAs(EnvParsing.RAW_STRING),
          scalar(
              "maxOutputBytes",
              INTEGER,
              1048576,
              "Most bytes a method may write to stdout, to stderr, or as an HTTP response body.")));

  private final String title;
  private final String noun;
  private final String plural;
  private final List<KeySpec> keys;

  /** A block whose values the documentation calls objects. */
  ConfigBlock(String title, List<KeySpec> keys) {
    this(title, "object", "objects", keys);
  }

  ConfigBlock(String title, String noun, String plural, List<KeySpec> keys) {
    this.title = title;
    this.noun = noun;
    this.plural = plural;
    this.keys = keys;
  }

  /** The heading this block has in {@code docs/configuration.md}. */
  public String title() {
    return title;
  }

  /** What the documentation calls one value of this block: "method". */
  String noun() {
    return noun;
  }

  /** What the documentation calls several values of this block: "methods". */
  String plural() {
    return plural;
  }

  public List<KeySpec> keys() {
    return keys;
  }

  /** A method key: {@code metric}, {@code evaluate} or a hook. */
  private static KeySpec method(String name, String documentedDefault, String description) {
    return structured(name, new ValueType.Nested(METHOD), documentedDefault, description);
  }

  /** The {@code target} of a metric source. */
  private static KeySpec measuredAgainst(String measured) {
    return structured(
        "target",
        new ValueType.Nested(METRIC_TARGET),
        "required",
        "What the " + measured + " is measured against.");
  }

  /** The {@code metric} of a Pods, Object or External source. */
  private static KeySpec metricToRead() {
    return structured(
        "metric", new ValueType.Nested(METRIC_IDENTIFIER), "required", "The metric to read.");
  }

  /** The spec of {@code name}; the name must be one of this block's keys. */
  KeySpec key(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException(name + " is not a key of " + title));
  }

  /** The key called exactly {@code name}, if there is one. */
  Optional<KeySpec> find(String name) {
    return keys.stream().filter(spec -> spec.name().equals(name)).findFirst();
  }
}
