package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.custompodautoscaler.api.v1.AutoscalerEnvironment;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.core.decision.CpaDownscaleStabilization;
import com.custompodautoscaler.core.decision.HpaWithoutBehavior;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.ConfigProblem;
import com.custompodautoscaler.pipeline.config.HttpMethodConfig;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import com.custompodautoscaler.pipeline.config.MethodConfig;
import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files shaped like each of the Go Custom Pod Autoscaler's examples (our own fixtures, see {@code
 * upstream-examples/README.md}) against a real kube-apiserver with our CRD: the example's {@code
 * cpa.yaml} applies and the API server keeps every field of it, and its {@code config.yaml}
 * validates with the environment the Go operator injects and with the one ours injects. {@link
 * UpstreamExampleRunsIT} runs their user logic.
 */
class UpstreamExamplesIT {

  private static UpstreamExampleRunner runner;
  @TempDir static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    runner = UpstreamExampleRunner.onSharedApiServer(dir);
  }

  @AfterAll
  static void tearDown() {
    runner.close();
  }

  static Stream<String> examples() {
    return UpstreamExample.NAMES.stream();
  }

  /** Each example with what its config amounts to once the CPA's environment is applied. */
  static Stream<Arguments> configs() {
    String labelLogic = "metric python /metric.py 2500ms, evaluate python /evaluate.py 2500ms";
    String podLogic = "per-pod, 1-10 replicas, every 10000ms, " + labelLogic;
    return Stream.of(
        Arguments.of(
            "python-custom-autoscaler",
            "per-resource, 1-10 replicas, every 10000ms, " + labelLogic),
        Arguments.of("simple-pod-metrics-python", podLogic + ", logVerbosity 3"),
        Arguments.of("zero-scaler", "per-resource, 0-10 replicas, every 10000ms, " + labelLogic),
        Arguments.of(
            "post-scale-hook",
            "per-resource, 1-10 replicas, every 10000ms, "
                + labelLogic
                + ", postScale python /post_scale.py 2500ms, logVerbosity 3"),
        Arguments.of("downscale-stabilization", podLogic + ", downscaleStabilization 60s"),
        Arguments.of(
            "k8s-metrics-cpu",
            "per-resource, 1-10 replicas, every 10000ms, "
                + labelLogic
                + ", kubernetesMetrics [Resource] required"),
        Arguments.of(
            "http-request",
            "per-resource, 0-10 replicas, every 10000ms, metric GET"
                + " https://integers.example.org/draw/?count=1&lowest=1&highest=5&layout=column"
                + "&radix=10&format=plain query 2500ms, evaluate python /evaluate.py 2500ms"),
        Arguments.of("argo-rollouts", "per-resource, 1-10 replicas, every 10000ms, " + labelLogic));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void cpaYamlAppliesAndTheApiServerKeepsEveryFieldOfIt(String name) throws Exception {
    UpstreamExample example = UpstreamExample.named(name);
    String namespace = runner.deploy("applies", example);

    GenericKubernetesResource kept =
        runner
            .admin()
            .genericKubernetesResources("custompodautoscaler.com/v1", "CustomPodAutoscaler")
            .inNamespace(namespace)
            .withName(name)
            .get();
    Map<?, ?> written = Serialization.unmarshal(example.read("cpa.yaml"), Map.class);
    assertThat(differences("spec", written.get("spec"), kept.getAdditionalProperties().get("spec")))
        .as("fields of cpa.yaml the API server dropped or changed")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void configValidatesWithTheEnvironmentEitherOperatorInjects(String name, String expected)
      throws Exception {
    UpstreamExample example = UpstreamExample.named(name);
    String namespace = runner.deploy("validates", example);
    CustomPodAutoscaler cpa = runner.cpa(example, namespace);
    List<EnvVar> goOperators = InjectedEnvironment.goOperator(cpa);
    List<EnvVar> ours = AutoscalerEnvironment.of(cpa);

    List<EnvVar> goOperatorsWithOurs = new ArrayList<>(goOperators);
    goOperatorsWithOurs.add(2, new EnvVar("cpaName", name, null));
    goOperatorsWithOurs.add(3, new EnvVar("healthPort", "8081", null));
    assertThat(ours)
        .as("ours is the Go operator's plus cpaName and healthPort")
        .isEqualTo(goOperatorsWithOurs);
    TargetRef target =
        new TargetRef(
            cpa.getSpec().getScaleTargetRef().getApiVersion(),
            cpa.getSpec().getScaleTargetRef().getKind(),
            cpa.getSpec().getScaleTargetRef().getName());
    for (List<EnvVar> env : List.of(goOperators, ours)) {
      AutoscalerConfig config = load(example, env);
      assertThat(config.scaleTargetRef()).isEqualTo(target);
      assertThat(config.namespace()).isEqualTo(namespace);
      assertThat(summary(config)).isEqualTo(expected);
    }
    assertThat(load(example, ours).reportsTo()).contains(name);
    assertThat(load(example, goOperators).reportsTo()).isEmpty();
    assertThat(load(example, ours).healthListenerPort())
        .as("the port the operator's probes ask")
        .contains(AutoscalerEnvironment.HEALTH_PORT);
    assertThat(load(example, goOperators).healthListenerPort()).isEmpty();
  }

  /** Loads the fixture's config.yaml as it is, with {@code env}; it must have no problem at all. */
  private static AutoscalerConfig load(UpstreamExample example, List<EnvVar> env) throws Exception {
    Map<String, String> variables = InjectedEnvironment.asMap(env);
    try {
      LoadedConfig loaded = ConfigLoader.load(example.file("config.yaml"), variables);
      assertThat(loaded.warnings())
          .as("warnings for %s with %s", example.name(), variables)
          .extracting(ConfigProblem::describe)
          .isEmpty();
      return loaded.config();
    } catch (InvalidConfigException e) {
      return fail("%s with %s: %s", example.name(), variables, e.getMessage());
    }
  }

  /** What a config amounts to, in the words of the table above. */
  private static String summary(AutoscalerConfig config) {
    List<String> parts = new ArrayList<>();
    parts.add(config.runMode().wireName());
    parts.add(config.bounds().min() + "-" + config.bounds().max() + " replicas");
    parts.add("every " + config.interval().toMillis() + "ms");
    for (Stage stage : Stage.values()) {
      config
          .method(stage)
          .ifPresent(method -> parts.add(stage.configKey() + " " + describe(method)));
    }
    if (config.logVerbosity() != 0) {
      parts.add("logVerbosity " + config.logVerbosity());
    }
    Duration window = Duration.ZERO;
    if (config.rules() instanceof CpaDownscaleStabilization rules) {
      window = rules.window();
    } else if (config.rules() instanceof HpaWithoutBehavior rules) {
      window = rules.downscaleStabilization();
    }
    if (!window.isZero()) {
      parts.add("downscaleStabilization " + window.toSeconds() + "s");
    }
    AutoscalerConfig.KubernetesMetricsConfig metrics = config.kubernetesMetrics();
    if (!metrics.specs().isEmpty()) {
      parts.add(
          "kubernetesMetrics "
              + metrics.specs().stream().map(spec -> spec.getType()).toList()
              + (metrics.required() ? " required" : ""));
    }
    return String.join(", ", parts);
  }

  private static String describe(MethodConfig method) {
    String how = method.type();
    if (method instanceof ShellMethodConfig shell) {
      how = shell.entrypoint() + " " + String.join(" ", shell.command());
    } else if (method instanceof HttpMethodConfig http) {
      how = http.method() + " " + http.url() + " " + http.parameterMode().wireName();
    }
    return how + " " + method.timeout().toMillis() + "ms";
  }

  /**
   * Where {@code actual} lacks or changes what {@code expected} has, path by path; what the API
   * server adds (defaults) is not a difference.
   */
  private static List<String> differences(String path, Object expected, Object actual) {
    if (expected instanceof Map<?, ?> wanted && actual instanceof Map<?, ?> got) {
      return wanted.keySet().stream()
          .flatMap(key -> differences(path + "." + key, wanted.get(key), got.get(key)).stream())
          .toList();
    }
    if (expected instanceof List<?> wanted
        && actual instanceof List<?> got
        && wanted.size() == got.size()) {
      List<String> found = new ArrayList<>();
      for (int i = 0; i < wanted.size(); i++) {
        found.addAll(differences(path + "[" + i + "]", wanted.get(i), got.get(i)));
      }
      return found;
    }
    return Objects.equals(expected, actual)
        ? List.of()
        : List.of(path + ": wrote " + expected + ", kept " + actual);
  }
}
