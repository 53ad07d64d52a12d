package com.custompodautoscaler.autoscaler.config;

import static com.custompodautoscaler.autoscaler.config.KeySpec.scalar;
import static com.custompodautoscaler.autoscaler.config.KeySpec.structured;

import java.util.List;
import java.util.Optional;

/**
 * The configuration schema: every key the autoscaler reads, block by block. Unknown-key warnings,
 * environment overrides, defaults and {@code docs/configuration.md} all come from here.
 */
public enum ConfigBlock {
  TOP_LEVEL(
      "top level",
      List.of(
          structured(
              "scaleTargetRef",
              "object",
              "required",
              "The resource to scale: `apiVersion`, `kind` and `name`. The operator injects it."),
          scalar(
                  "namespace",
                  "string",
                  "default",
                  "Namespace of the target and its pods. The operator injects it.")
              .parsedFromEnvironmentAs(EnvParsing.RAW_STRING),
          structured("metric", "method", "required", "Gathers metrics; see methods."),
          structured("evaluate", "method", "required", "Turns metrics into `targetReplicas`."),
          structured("preMetric", "method", "none", "Hook run before metric gathering."),
          structured("postMetric", "method", "none", "Hook run after metric gathering."),
          structured("preEvaluate", "method", "none", "Hook run before evaluation."),
          structured("postEvaluate", "method", "none", "Hook run after evaluation."),
          structured("preScale", "method", "none", "Hook run before the replica count is set."),
          structured(
              "postScale", "method", "none", "Hook run after the replica count is set or kept."),
          scalar("interval", "integer (ms)", 15000, "Time between runs, at a fixed rate.")
              .parsedFromEnvironmentAs(EnvParsing.BASE10_INTEGER),
          scalar(
              "startTime",
              "integer (ms)",
              1L,
              "Runs are aligned to multiples of this since the epoch; the first run comes one"
                  + " `interval` after the aligned start."),
          scalar("minReplicas", "integer", 1, "Lowest replica count; 0 allows scaling to zero."),
          scalar("maxReplicas", "integer", 10, "Highest replica count."),
          scalar("runMode", "string", "per-pod", "`per-pod` or `per-resource`.")
              .parsedFromEnvironmentAs(EnvParsing.RAW_STRING),
          scalar("logVerbosity", "integer", 0, "0 (decisions) to 4 (every command and request)."),
          scalar(
                  "downscaleStabilization",
                  "integer (s)",
                  0,
                  "Window in which a downscale keeps the highest recommendation.")
              .parsedFromEnvironmentAs(EnvParsing.BASE10_INTEGER),
          structured(
              "behavior",
              "object",
              "none",
              "The Kubernetes HPA's autoscaling/v2 `behavior`: stabilization windows and rate"
                  + " policies for scaling up and down. Not with `downscaleStabilization`."),
          structured("apiConfig", "object", "see apiConfig", "The REST API."),
          structured(
              "kubernetesMetricSpecs",
              "list",
              "none",
              "autoscaling/v2 metric specs (Resource, Pods, Object, External, ContainerResource)"
                  + " whose values user logic receives as kubernetesMetrics."),
          scalar(
              "requireKubernetesMetrics",
              "boolean",
              false,
              "Whether a failure to gather Kubernetes metrics fails the run."),
          scalar(
              "initialReadinessDelay",
              "integer (s)",
              30L,
              "HPA's delay of initial readiness, for CPU metrics."),
          scalar(
              "cpuInitializationPeriod",
              "integer (s)",
              300L,
              "HPA's CPU initialization period, for CPU metrics."),
          scalar(
              "perPodConcurrency",
              "integer",
              8,
              "Per-pod metric calls run at once; 1 calls them one after another as CPA v2 does."),
          scalar(
                  "cpaName",
                  "string",
                  "",
                  "The CustomPodAutoscaler this autoscaler reports to: its status, events and"
                      + " durable stabilization history. The operator sets it.")
              .parsedFromEnvironmentAs(EnvParsing.RAW_STRING),
          scalar(
              "maxOutputBytes",
              "integer",
              1048576,
              "Most bytes a method may write to stdout, to stderr, or as an HTTP response body."))),
  BEHAVIOR(
      "behavior",
      List.of(
          structured(
              "scaleUp",
              "object",
              "no window; Max of 4 pods and 100 percent per 15 s",
              "Rules for scaling up."),
          structured(
              "scaleDown",
              "object",
              "300 s window; Max of 100 percent per 15 s",
              "Rules for scaling down."))),
  SCALING_RULES(
      "behavior.scaleUp and behavior.scaleDown",
      List.of(
          structured(
              "stabilizationWindowSeconds",
              "integer (s)",
              "0 up, 300 down",
              "Recommendations remembered; scaling up takes the lowest of them, scaling down the"
                  + " highest. 0 to 3600."),
          structured(
              "selectPolicy",
              "string",
              "Max",
              "`Max` (the policy allowing most change), `Min` (least) or `Disabled` (no scaling"
                  + " in this direction)."),
          structured(
              "policies",
              "list of policies",
              "as scaleUp and scaleDown say",
              "Rate policies; at least one when the key is written."))),
  RATE_POLICY(
      "behavior policies",
      List.of(
          structured("type", "string", "required", "`Pods` or `Percent`."),
          structured(
              "value",
              "integer",
              "required",
              "Pods, or percent of the replicas at the period's start; above 0."),
          structured(
              "periodSeconds",
              "integer (s)",
              "required",
              "How far back the policy looks at past rescales; 1 to 1800."))),
  SCALE_TARGET_REF(
      "scaleTargetRef",
      List.of(
          structured("apiVersion", "string", "required", "For example `apps/v1` or `v1`."),
          structured("kind", "string", "required", "For example `Deployment`."),
          structured("name", "string", "required", "The target's name."))),
  API_CONFIG(
      "apiConfig",
      List.of(
          scalar("enabled", "boolean", true, "Whether the REST API runs."),
          scalar("useHTTPS", "boolean", false, "Serve HTTPS from `certFile` and `keyFile`."),
          scalar("port", "integer", 5000, "Port to listen on; 0 picks a free port."),
          scalar("host", "string", "0.0.0.0", "Address to listen on."),
          scalar("certFile", "string", "", "PEM certificate chain for HTTPS."),
          scalar("keyFile", "string", "", "PEM private key for HTTPS."))),
  METHOD(
      "methods",
      List.of(
          structured("type", "string", "required", "`shell`, `http` or `java`."),
          scalar(
              "timeout",
              "integer (ms)",
              5000,
              "Longest a call may take; a shell command is killed with its whole process tree."),
          structured("shell", "object", "none", "Required when `type` is `shell`."),
          structured("http", "object", "none", "Required when `type` is `http`."),
          structured("java", "object", "none", "Required when `type` is `java`."))),
  SHELL(
      "shell",
      List.of(
          structured(
              "entrypoint",
              "string",
              "required",
              "Program to run, looked up on `PATH` when it has no slash."),
          structured("command", "list of strings", "[]", "Arguments passed to the program."),
          scalar("logStderr", "boolean", false, "Log stderr of successful calls too."))),
  JAVA(
      "java",
      List.of(
          structured(
              "className",
              "string",
              "required",
              "A public class with a public no-argument constructor that implements"
                  + " `com.custompodautoscaler.api.spi.InProcessUserLogic`."),
          structured(
              "classpath",
              "list of strings",
              "[]",
              "Jar files or class folders to load it from, besides the autoscaler's own; relative"
                  + " paths resolve from the working directory."))),
  HTTP(
      "http",
      List.of(
          scalar("method", "string", "GET", "HTTP method."),
          structured("url", "string", "required", "Absolute `http` or `https` URL."),
          structured("headers", "map of strings", "{}", "Headers added to every request."),
          structured(
              "successCodes",
              "list of integers",
              "any 2xx",
              "Statuses that count as success; an explicitly empty list is an error."),
          structured(
              "parameterMode",
              "string",
              "required",
              "`query` adds the document as query parameter `value`; `body` sends it as the body."),
          scalar("caCert", "string", "", "PEM CA certificates to trust instead of the system's."),
          scalar("clientCert", "string", "", "PEM client certificate, with `clientKey`."),
          scalar("clientKey", "string", "", "PEM client private key, with `clientCert`.")));

  private final String title;
  private final List<KeySpec> keys;

  ConfigBlock(String title, List<KeySpec> keys) {
    this.title = title;
    this.keys = keys;
  }

  /** The heading this block has in {@code docs/configuration.md}. */
  public String title() {
    return title;
  }

  public List<KeySpec> keys() {
    return keys;
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
