package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.custompodautoscaler.core.behavior.RatePolicy;
import com.custompodautoscaler.core.behavior.ScalingBehavior;
import com.custompodautoscaler.core.behavior.ScalingRules;
import com.custompodautoscaler.core.behavior.SelectPolicy;
import com.custompodautoscaler.core.decision.CpaDownscaleStabilization;
import com.custompodautoscaler.core.decision.DecisionInput;
import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.HpaWithBehavior;
import com.custompodautoscaler.core.decision.HpaWithoutBehavior;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.ReplicaBounds;
import com.custompodautoscaler.core.model.RunMode;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String REQUIRED =
      String.join(
          "\n",
          "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
          "metric: {type: shell, shell: {entrypoint: python3, command: [/metric.py]}}",
          "evaluate: {type: shell, timeout: 2500, shell: {entrypoint: python3, command: [/evaluate.py]}}",
          "");

  @Test
  void fillsEveryDefaultAsCpaV2Does() throws Exception {
    AutoscalerConfig config = load(REQUIRED, Map.of());

    assertThat(config.namespace()).isEqualTo("default");
    assertThat(config.interval()).isEqualTo(Duration.ofMillis(15000));
    assertThat(config.startTime()).isEqualTo(Duration.ofMillis(1));
    assertThat(config.bounds()).isEqualTo(new ReplicaBounds(1, 10));
    assertThat(config.runMode()).isEqualTo(RunMode.PER_POD);
    assertThat(config.logVerbosity()).isZero();
    assertThat(config.rules()).isEqualTo(new CpaDownscaleStabilization(Duration.ZERO));
    assertThat(config.api()).isEqualTo(new ApiConfig(true, false, 5000, "0.0.0.0", "", ""));
    assertThat(config.kubernetesMetrics().specs()).isEmpty();
    assertThat(config.kubernetesMetrics().required()).isFalse();
    assertThat(config.kubernetesMetrics().initialReadinessDelay())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(config.kubernetesMetrics().cpuInitializationPeriod())
        .isEqualTo(Duration.ofSeconds(300));
    assertThat(config.perPodConcurrency()).isEqualTo(8);
    assertThat(config.maxOutputBytes()).isEqualTo(1024 * 1024);
    assertThat(config.method(Stage.PRE_METRIC)).isEmpty();
    assertThat(config.healthListenerPort()).as("no health listener").isEmpty();
  }

  @Test
  void aBehaviorTakesUpstreamsDefaultsForWhatItLeavesOut() throws Exception {
    AutoscalerConfig config =
        load(
            REQUIRED
                + "behavior:\n"
                + "  scaleDown:\n"
                + "    selectPolicy: Min\n"
                + "    policies: [{type: Pods, value: 1, periodSeconds: 60}]\n",
            Map.of());

    ScalingBehavior behavior = behaviorOf(config);
    assertThat(behavior.scaleUp()).isEqualTo(ScalingRules.scaleUpDefaults());
    assertThat(behavior.scaleDown().stabilizationWindow()).isEqualTo(Duration.ofSeconds(300));
    assertThat(behavior.scaleDown().selectPolicy()).isEqualTo(SelectPolicy.MIN);
    assertThat(behavior.scaleDown().policies())
        .containsExactly(RatePolicy.pods(1, Duration.ofSeconds(60)));
  }

  @Test
  void anEmptyBehaviorIsUpstreamsDefaultBehavior() throws Exception {
    AutoscalerConfig config = load(REQUIRED + "behavior: {}\n", Map.of());

    assertThat(config.rules()).isEqualTo(new HpaWithBehavior(ScalingBehavior.defaults()));
  }

  @Test
  void aBehaviorCanComeFromItsEnvironmentVariableAsACpaConfigEntrySetsIt() throws Exception {
    AutoscalerConfig config =
        load(REQUIRED, Map.of("behavior", "{\"scaleUp\": {\"selectPolicy\": \"Disabled\"}}"));

    assertThat(behaviorOf(config).scaleUp().selectPolicy()).isEqualTo(SelectPolicy.DISABLED);
  }

  @Test
  void withoutABehaviorRunsDecideAsCpaV2() throws Exception {
    AutoscalerConfig config = load(REQUIRED, Map.of());

    assertThat(config.rules()).isInstanceOf(CpaDownscaleStabilization.class);
  }

  @Test
  void hpaScaleUpLimitDecidesAsAnHpaWithoutBehavior() throws Exception {
    AutoscalerConfig config =
        load(REQUIRED + "hpaScaleUpLimit: true\ndownscaleStabilization: 300\n", Map.of());

    ReplicaDecision decision =
        config
            .rules()
            .decide(
                new DecisionInput(
                    2,
                    8,
                    config.bounds(),
                    DecisionState.empty(),
                    Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(decision.targetReplicas()).as("twice 2, or 4").isEqualTo(4);
    assertThat(decision.reason()).isEqualTo(DecisionReason.SCALE_UP_LIMITED);
    assertThat(config.rules()).isEqualTo(new HpaWithoutBehavior(Duration.ofSeconds(300)));
  }

  @Test
  void readsAJavaMethod() throws Exception {
    AutoscalerConfig config =
        load(
            REQUIRED.replace(
                "evaluate: {type: shell, timeout: 2500, shell: {entrypoint: python3, command:"
                    + " [/evaluate.py]}}",
                "evaluate: {type: java, timeout: 300, java: {className: com.example.Evaluate,"
                    + " classpath: [lib/logic.jar]}}"),
            Map.of());

    assertThat(config.method(Stage.EVALUATE))
        .contains(
            new JavaMethodConfig(
                Duration.ofMillis(300), "com.example.Evaluate", List.of(Path.of("lib/logic.jar"))));
  }

  @Test
  void readsAWorkerMethod() throws Exception {
    AutoscalerConfig config =
        load(
            REQUIRED
                + "preScale: {type: worker, timeout: 800, worker: {entrypoint: python3, command:"
                + " [w.py], processes: 3, logStderr: true}}\n",
            Map.of());

    assertThat(config.method(Stage.PRE_SCALE))
        .contains(
            new WorkerMethodConfig(Duration.ofMillis(800), "python3", List.of("w.py"), 3, true));
    assertThat(
            load(REQUIRED + "preScale: {type: worker, worker: {entrypoint: w}}\n", Map.of())
                .method(Stage.PRE_SCALE))
        .contains(new WorkerMethodConfig(Duration.ofMillis(5000), "w", List.of(), 1, false));
  }

  @Test
  void givesAMethodWithoutTimeoutFiveSeconds() throws Exception {
    AutoscalerConfig config = load(REQUIRED, Map.of());

    assertThat(config.method(Stage.METRIC).orElseThrow().timeout())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(config.method(Stage.EVALUATE).orElseThrow().timeout())
        .isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void readsEveryKeyOfAYamlFile() throws Exception {
    String yaml =
        String.join(
            "\n",
            "evaluate:",
            "  type: shell",
            "  timeout: 10",
            "  shell: {entrypoint: testentry, command: [testcommand, arg1], logStderr: true}",
            "metric:",
            "  type: http",
            "  timeout: 10",
            "  http:",
            "    method: GET",
            "    url: https://www.custompodautoscaler.com",
            "    successCodes: [200]",
            "    headers: {a: testa, b: testb, c: testc}",
            "    parameterMode: query",
            "interval: 30",
            "runMode: per-resource",
            "minReplicas: 2",
            "maxReplicas: 7",
            "startTime: 5",
            "namespace: test yaml namespace",
            "logVerbosity: 2",
            "downscaleStabilization: 200",
            "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
            "apiConfig: {enabled: true, useHTTPS: false, host: test yaml host, port: 7890}",
            "");

    AutoscalerConfig config = load(yaml, Map.of());

    assertThat(config.method(Stage.EVALUATE))
        .contains(
            new ShellMethodConfig(
                Duration.ofMillis(10), "testentry", List.of("testcommand", "arg1"), true));
    assertThat(config.method(Stage.METRIC))
        .contains(
            new HttpMethodConfig(
                Duration.ofMillis(10),
                "GET",
                URI.create("https://www.custompodautoscaler.com"),
                Map.of("a", "testa", "b", "testb", "c", "testc"),
                SuccessCodes.of(Set.of(200)),
                ParameterMode.QUERY,
                TlsFiles.none()));
    assertThat(config.interval()).isEqualTo(Duration.ofMillis(30));
    assertThat(config.runMode()).isEqualTo(RunMode.PER_RESOURCE);
    assertThat(config.bounds()).isEqualTo(new ReplicaBounds(2, 7));
    assertThat(config.startTime()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.namespace()).isEqualTo("test yaml namespace");
    assertThat(config.logVerbosity()).isEqualTo(2);
    assertThat(config.rules()).isEqualTo(new CpaDownscaleStabilization(Duration.ofSeconds(200)));
    assertThat(config.api()).isEqualTo(new ApiConfig(true, false, 7890, "test yaml host", "", ""));
  }

  @Test
  void mergesAPartialFileObjectWithItsDefaults() throws Exception {
    String json =
        "{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
            + "\"metric\":{\"type\":\"http\",\"http\":{\"method\":\"POST\",\"url\":\"https://x.example\","
            + "\"parameterMode\":\"body\"}},"
            + "\"evaluate\":{\"type\":\"shell\",\"shell\":{\"entrypoint\":\"e\"}},"
            + "\"apiConfig\":{\"port\":7890,\"enabled\":false,\"useHTTPS\":true,"
            + "\"certFile\":\"test cert file\",\"keyFile\":\"test key file\"}}";

    AutoscalerConfig config = load(json, Map.of());

    assertThat(config.api())
        .isEqualTo(new ApiConfig(false, true, 7890, "0.0.0.0", "test cert file", "test key file"));
    assertThat(((HttpMethodConfig) config.method(Stage.METRIC).orElseThrow()).successCodes())
        .isEqualTo(SuccessCodes.anyTwoHundred());
  }

  @Test
  void takesEveryKeyFromTheEnvironment() throws Exception {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry(
                "metric",
                "{\"type\":\"shell\",\"timeout\":10,\"shell\":{\"command\":[\"testcommand\"],"
                    + "\"entrypoint\":\"testentry\"}}"),
            Map.entry("evaluate", "{type: shell, shell: {entrypoint: evaluate}}"),
            Map.entry("interval", "35"),
            Map.entry("namespace", "test env namespace"),
            Map.entry("runMode", "per-resource"),
            Map.entry("minReplicas", "3"),
            Map.entry("maxReplicas", "6"),
            Map.entry("startTime", "60000"),
            Map.entry(
                "scaleTargetRef",
                "{\"name\":\"test target name\",\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\"}"),
            Map.entry("logVerbosity", "3"),
            Map.entry("downscaleStabilization", "200"),
            Map.entry(
                "apiConfig",
                "{\"port\":3000,\"enabled\":true,\"useHTTPS\":true,\"certFile\":\"testcert\","
                    + "\"keyFile\":\"testkey\"}"),
            Map.entry("requireKubernetesMetrics", "true"),
            Map.entry("perPodConcurrency", "2"));

    AutoscalerConfig config = load("", env);

    assertThat(config.method(Stage.METRIC))
        .contains(
            new ShellMethodConfig(
                Duration.ofMillis(10), "testentry", List.of("testcommand"), false));
    assertThat(config.interval()).isEqualTo(Duration.ofMillis(35));
    assertThat(config.namespace()).isEqualTo("test env namespace");
    assertThat(config.runMode()).isEqualTo(RunMode.PER_RESOURCE);
    assertThat(config.bounds()).isEqualTo(new ReplicaBounds(3, 6));
    assertThat(config.startTime()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.scaleTargetRef())
        .isEqualTo(new TargetRef("apps/v1", "Deployment", "test target name"));
    assertThat(config.logVerbosity()).isEqualTo(3);
    assertThat(config.rules()).isEqualTo(new CpaDownscaleStabilization(Duration.ofSeconds(200)));
    assertThat(config.api())
        .isEqualTo(new ApiConfig(true, true, 3000, "0.0.0.0", "testcert", "testkey"));
    assertThat(config.kubernetesMetrics().required()).isTrue();
    assertThat(config.perPodConcurrency()).isEqualTo(2);
  }

  @Test
  void theHealthPortComesFromTheEnvironmentAsTheOperatorSetsIt() throws Exception {
    String yaml = REQUIRED + "healthPort: 9000\n";

    assertThat(load(yaml, Map.of()).healthListenerPort()).contains(9000);
    assertThat(load(yaml, Map.of("healthPort", "8081")).healthListenerPort()).contains(8081);
  }

  @Test
  void theHealthPortMayBeTheDisabledRestApisPort() throws Exception {
    String yaml = REQUIRED + "healthPort: 5000\napiConfig: {enabled: false}\n";

    assertThat(load(yaml, Map.of()).healthListenerPort()).contains(5000);
  }

  @Test
  void environmentWinsOverTheFile() throws Exception {
    String yaml = REQUIRED + "interval: 30\nminReplicas: 2\nnamespace: from-file\n";

    AutoscalerConfig config =
        load(yaml, Map.of("interval", "35", "minReplicas", "3", "maxReplicas", "6"));

    assertThat(config.interval()).isEqualTo(Duration.ofMillis(35));
    assertThat(config.bounds()).isEqualTo(new ReplicaBounds(3, 6));
    assertThat(config.namespace()).isEqualTo("from-file");
  }

  @Test
  void aVariableAliasReadsAVariableUnderAKeysNameUnlessTheKeysOwnIsSet() throws Exception {
    String yaml =
        REQUIRED + "variableAliases: {metrics: kubernetesMetricSpecs, floor: minReplicas}\n";
    String cpu =
        "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
            + "\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}}]";

    AutoscalerConfig aliased = load(yaml, Map.of("metrics", cpu, "floor", "2"));
    AutoscalerConfig own = load(yaml, Map.of("floor", "2", "minReplicas", "3"));

    assertThat(aliased.kubernetesMetrics().specs()).hasSize(1);
    assertThat(aliased.bounds().min()).isEqualTo(2);
    assertThat(own.bounds().min()).as("minReplicas, set itself").isEqualTo(3);
    assertThat(load(yaml, Map.of()).bounds().min()).isEqualTo(1);
  }

  @Test
  void aVariableAliasForNoKeyIsAnErrorAndAnAliasedBadValueNamesItsVariable() {
    InvalidConfigException unknown =
        catchThrowableOfType(
            InvalidConfigException.class,
            () -> load(REQUIRED + "variableAliases: {metrics: metricSpecs}\n", Map.of()));
    InvalidConfigException badValue =
        catchThrowableOfType(
            InvalidConfigException.class,
            () ->
                load(REQUIRED + "variableAliases: {floor: minReplicas}\n", Map.of("floor", "few")));

    assertThat(unknown.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.key()).isEqualTo("variableAliases.metrics");
              assertThat(problem.message())
                  .isEqualTo("\"metricSpecs\" is not a top-level key that a variable can set");
            });
    assertThat(badValue.getMessage()).contains("environment variable floor");
  }

  @Test
  void anEnvironmentObjectMergesOntoTheFileKeyByKey() throws Exception {
    String yaml =
        REQUIRED
            + "apiConfig: {host: 127.0.0.1, port: 7890}\n"
            + "preScale: {type: shell, timeout: 100, shell: {entrypoint: a, command: [x, y]}}\n";

    AutoscalerConfig config =
        load(
            yaml,
            Map.of(
                "apiConfig", "{\"port\":3000}",
                "preScale", "{\"timeout\":200,\"shell\":{\"command\":[\"z\"]}}"));

    assertThat(config.api()).isEqualTo(new ApiConfig(true, false, 3000, "127.0.0.1", "", ""));
    assertThat(config.method(Stage.PRE_SCALE))
        .contains(new ShellMethodConfig(Duration.ofMillis(200), "a", List.of("z"), false));
  }

  @Test
  void anEnvironmentValueMayBeAYamlBlock() throws Exception {
    String json =
        "{\"host\":\"ignored\",\"port\":1,"
            + "\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
            + "\"metric\":{\"type\":\"shell\",\"shell\":{\"entrypoint\":\"m\"}},"
            + "\"evaluate\":{\"type\":\"shell\",\"shell\":{\"entrypoint\":\"e\"}}}";

    LoadedConfig loaded =
        ConfigLoader.load(
            json,
            "test.json",
            Map.of("apiConfig", "host: \"test host\"\nport: 7890\nenabled: true\nuseHTTPS: false"));

    assertThat(loaded.config().api())
        .isEqualTo(new ApiConfig(true, false, 7890, "test host", "", ""));
    assertThat(loaded.warnings())
        .extracting(ConfigProblem::key)
        .containsExactlyInAnyOrder("host", "port");
  }

  @Test
  void readsKubernetesMetricSpecsFromTheEnvironment() throws Exception {
    LoadedConfig loaded =
        ConfigLoader.load(
            REQUIRED,
            "test.yaml",
            Map.of(
                "kubernetesMetricSpecs",
                "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\"}}}]"));

    assertThat(loaded.config().kubernetesMetrics().specs())
        .singleElement()
        .satisfies(
            spec -> {
              assertThat(spec.getType()).isEqualTo("Resource");
              assertThat(spec.getResource().getName()).isEqualTo("cpu");
              assertThat(spec.getResource().getTarget().getType()).isEqualTo("Utilization");
            });
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void anEnvironmentValueThatStartsLikeJsonIsReadAsJsonSoTabsAndEscapedSlashesWork()
      throws Exception {
    AutoscalerConfig config =
        load(
            REQUIRED,
            Map.of(
                "metric",
                "{\n\t\"type\": \"http\",\n\t\"http\": {\n\t\t\"url\":"
                    + " \"http:\\/\\/queue.default.svc:8090\\/length\",\n"
                    + "\t\t\"parameterMode\": \"query\"\n\t}\n}",
                "kubernetesMetricSpecs",
                "[\n\t{\"type\": \"Resource\", \"resource\": {\"name\": \"cpu\", \"target\":"
                    + " {\"type\": \"AverageValue\", \"averageValue\": \"100m\"}}}\n]"));

    assertThat(config.method(Stage.METRIC))
        .get()
        .isInstanceOfSatisfying(
            HttpMethodConfig.class,
            http -> assertThat(http.url()).hasToString("http://queue.default.svc:8090/length"));
    assertThat(config.kubernetesMetrics().specs()).singleElement();
  }

  @Test
  void anEnvironmentValueInYamlsFlowStyleIsStillRead() throws Exception {
    AutoscalerConfig config = load(REQUIRED, Map.of("apiConfig", "{port: 3000}"));

    assertThat(config.api().port()).isEqualTo(3000);
  }

  @Test
  void anEnvironmentValueThatIsNeitherJsonNorYamlIsReportedAsJson() {
    InvalidConfigException invalid =
        catchThrowableOfType(
            InvalidConfigException.class, () -> load(REQUIRED, Map.of("apiConfig", "{\"port\":")));

    assertThat(invalid.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.key()).isEqualTo("apiConfig");
              assertThat(problem.message())
                  .startsWith("invalid YAML or JSON value: Unexpected end-of-input");
            });
  }

  @Test
  void aWholeNumberWrittenWithAFractionIsAWholeNumber() throws Exception {
    AutoscalerConfig config = load(REQUIRED + "interval: 15000.0\nmaxReplicas: 4.0\n", Map.of());

    assertThat(config.interval()).isEqualTo(Duration.ofMillis(15000));
    assertThat(config.bounds().max()).isEqualTo(4);
  }

  @Test
  void readsTheFileNamedByConfigPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.yaml");
    Files.writeString(file, REQUIRED + "namespace: from-x\n");

    Path chosen = ConfigLoader.configPath(Optional.empty(), Map.of("configPath", file.toString()));
    LoadedConfig loaded = ConfigLoader.load(chosen, Map.of("configPath", file.toString()));

    assertThat(chosen).isEqualTo(file);
    assertThat(loaded.config().namespace()).isEqualTo("from-x");
    assertThat(loaded.warnings()).isEmpty();
    assertThat(
            ConfigLoader.configPath(Optional.of(Path.of("/flag.yaml")), Map.of("configPath", "x")))
        .isEqualTo(Path.of("/flag.yaml"));
    assertThat(ConfigLoader.configPath(Optional.empty(), Map.of()))
        .isEqualTo(Path.of("/config.yaml"));
  }

  @Test
  void saysWhenTheFileIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("the config file does not exist");
  }

  @Test
  void acceptsKeysWrittenInAnotherCaseWithAWarning() throws Exception {
    LoadedConfig loaded = ConfigLoader.load(REQUIRED + "MinReplicas: 3\n", "test.yaml", Map.of());

    assertThat(loaded.config().bounds().min()).isEqualTo(3);
    assertThat(loaded.warnings())
        .singleElement()
        .extracting(ConfigProblem::message)
        .asString()
        .contains("write it as minReplicas");
  }

  @Test
  void treatsAnEmptyFileAsNoKeys() {
    InvalidConfigException invalid =
        catchThrowableOfType(
            InvalidConfigException.class, () -> load("# only a comment\n", Map.of()));

    assertThat(invalid.problems())
        .extracting(ConfigProblem::key)
        .containsExactly("scaleTargetRef", "metric", "evaluate");
  }

  static AutoscalerConfig load(String content, Map<String, String> env)
      throws InvalidConfigException {
    return ConfigLoader.load(content, "test.yaml", env).config();
  }

  private static ScalingBehavior behaviorOf(AutoscalerConfig config) {
    assertThat(config.rules()).isInstanceOf(HpaWithBehavior.class);
    return ((HpaWithBehavior) config.rules()).behavior();
  }
}
