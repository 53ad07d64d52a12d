package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidationTest {

  private static final String TARGET =
      "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n";
  private static final String EVALUATE = "evaluate: {type: shell, shell: {entrypoint: e}}\n";
  private static final String METRIC = "metric: {type: shell, shell: {entrypoint: m}}\n";
  private static final String VALID = TARGET + METRIC + EVALUATE;

  record Case(String name, String yaml, Map<String, String> env, String key, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalidConfigs() {
    return Stream.of(
        invalid("missing scaleTargetRef", METRIC + EVALUATE, "scaleTargetRef", "missing"),
        invalid("missing metric", TARGET + EVALUATE, "metric", "missing"),
        invalid("missing evaluate", TARGET + METRIC, "evaluate", "missing"),
        invalid(
            "target without kind",
            "scaleTargetRef: {apiVersion: apps/v1, name: web}\n" + METRIC + EVALUATE,
            "scaleTargetRef.kind",
            "missing"),
        invalid("zero interval", VALID + "interval: 0\n", "interval", "must be a positive"),
        invalid("negative startTime", VALID + "startTime: -5\n", "startTime", "must be a positive"),
        invalid(
            "min above max",
            VALID + "minReplicas: 5\nmaxReplicas: 3\n",
            "minReplicas",
            "minReplicas 5 is greater than maxReplicas 3"),
        invalid("negative min", VALID + "minReplicas: -1\n", "minReplicas", "must be at least 0"),
        invalid("negative max", VALID + "maxReplicas: -1\n", "maxReplicas", "must be at least 0"),
        invalid("unknown run mode", VALID + "runMode: perpod\n", "runMode", "unknown run mode"),
        invalid(
            "unknown method type",
            TARGET + EVALUATE + "metric: {type: grpc}\n",
            "metric.type",
            "unknown method type \"grpc\""),
        invalid(
            "shell type without shell block",
            TARGET + EVALUATE + "metric: {type: shell}\n",
            "metric.shell",
            "missing"),
        invalid(
            "worker type without worker block",
            TARGET + EVALUATE + "metric: {type: worker}\n",
            "metric.worker",
            "missing; a method of type worker needs worker.entrypoint"),
        invalid(
            "worker without entrypoint",
            TARGET + EVALUATE + "metric: {type: worker, worker: {command: [a]}}\n",
            "metric.worker.entrypoint",
            "missing"),
        invalid(
            "worker with no processes",
            TARGET + EVALUATE + "metric: {type: worker, worker: {entrypoint: w, processes: 0}}\n",
            "metric.worker.processes",
            "must be at least 1, got 0"),
        invalid(
            "http type without http block",
            TARGET + EVALUATE + "metric: {type: http}\n",
            "metric.http",
            "missing"),
        invalid(
            "zero timeout",
            TARGET + EVALUATE + "metric: {type: shell, timeout: 0, shell: {entrypoint: m}}\n",
            "metric.timeout",
            "must be a positive"),
        invalid(
            "http without url",
            TARGET + EVALUATE + "metric: {type: http, http: {parameterMode: query}}\n",
            "metric.http.url",
            "missing"),
        invalid(
            "unknown parameter mode",
            TARGET
                + EVALUATE
                + "metric: {type: http, http: {url: 'http://x', parameterMode: form}}\n",
            "metric.http.parameterMode",
            "unknown parameter mode \"form\""),
        invalid(
            "explicitly empty success codes",
            TARGET
                + EVALUATE
                + "metric: {type: http, http: {url: 'http://x', parameterMode: body, successCodes: []}}\n",
            "metric.http.successCodes",
            "is empty"),
        invalid(
            "client certificate without key",
            TARGET
                + EVALUATE
                + "metric: {type: http, http: {url: 'http://x', parameterMode: body, clientCert: c.pem}}\n",
            "metric.http.clientKey",
            "missing"),
        invalid(
            "string for an integer",
            VALID + "interval: \"invalid\"\n",
            "interval",
            "expected an integer, got a string"),
        invalid(
            "float for an integer",
            VALID + "maxReplicas: 2.5\n",
            "maxReplicas",
            "expected an integer"),
        invalid(
            "file that is not a mapping",
            "invalid",
            "",
            "must hold a mapping of keys, got a string"),
        invalid("broken yaml", "interval: [1,\n", "", "not valid YAML or JSON"),
        invalid(
            "duplicate key",
            VALID + "interval: 1\ninterval: 2\n",
            "",
            "Duplicate field 'interval'"),
        invalid(
            "https without certificate",
            VALID + "apiConfig: {useHTTPS: true, keyFile: k.pem}\n",
            "apiConfig.certFile",
            "missing"),
        invalid(
            "port out of range",
            VALID + "apiConfig: {port: 70000}\n",
            "apiConfig.port",
            "must be from 0"),
        invalid(
            "health port 0",
            VALID + "healthPort: 0\n",
            "healthPort",
            "must be from 1 to 65535, got 0"),
        invalid(
            "health port out of range",
            VALID + "healthPort: 70000\n",
            "healthPort",
            "must be from 1 to 65535, got 70000"),
        invalid(
            "health port on the REST API's default port",
            VALID + "healthPort: 5000\n",
            "healthPort",
            "5000 is also apiConfig.port, where the REST API listens; give the health endpoints"
                + " another port, or move the REST API"),
        new Case(
            "health port from the environment on the REST API's port",
            VALID + "apiConfig: {port: 8081}\n",
            Map.of("healthPort", "8081"),
            "healthPort",
            "8081 is also apiConfig.port, where the REST API listens; give the health endpoints"
                + " another port, or move the REST API (environment variable healthPort)"),
        invalid(
            "zero concurrency",
            VALID + "perPodConcurrency: 0\n",
            "perPodConcurrency",
            "at least 1"),
        invalid(
            "java type without java block",
            TARGET + EVALUATE + "metric: {type: java}\n",
            "metric.java",
            "missing; a method of type java needs java.className"),
        invalid(
            "java method without a class name",
            TARGET + EVALUATE + "metric: {type: java, java: {classpath: [logic.jar]}}\n",
            "metric.java.className",
            "missing"),
        invalid(
            "java classpath that is not a list of strings",
            TARGET + EVALUATE + "metric: {type: java, java: {className: a.B, classpath: [1]}}\n",
            "metric.java.classpath[0]",
            "expected a string"),
        invalid(
            "behavior with downscaleStabilization",
            VALID + "downscaleStabilization: 60\nbehavior: {}\n",
            "behavior",
            "set either behavior or downscaleStabilization, not both"),
        invalid(
            "behavior with hpaScaleUpLimit",
            VALID + "hpaScaleUpLimit: true\nbehavior: {}\n",
            "hpaScaleUpLimit",
            "set either behavior or hpaScaleUpLimit, not both"),
        invalid(
            "behavior window above an hour",
            VALID + "behavior: {scaleDown: {stabilizationWindowSeconds: 3601}}\n",
            "behavior.scaleDown.stabilizationWindowSeconds",
            "must be at most 3600, got 3601"),
        invalid(
            "behavior with an unknown select policy",
            VALID + "behavior: {scaleUp: {selectPolicy: Maximum}}\n",
            "behavior.scaleUp.selectPolicy",
            "unknown select policy \"Maximum\"; expected Max, Min, Disabled"),
        invalid(
            "behavior with an empty policy list",
            VALID + "behavior: {scaleUp: {policies: []}}\n",
            "behavior.scaleUp.policies",
            "must list at least one policy"),
        invalid(
            "behavior policy of an unknown type",
            VALID
                + "behavior: {scaleDown: {policies: [{type: Replicas, value: 1, periodSeconds: 60}]}}\n",
            "behavior.scaleDown.policies[0].type",
            "unknown policy type \"Replicas\"; expected Pods or Percent"),
        invalid(
            "behavior policy without a period",
            VALID + "behavior: {scaleDown: {policies: [{type: Pods, value: 1}]}}\n",
            "behavior.scaleDown.policies[0].periodSeconds",
            "missing"),
        invalid(
            "behavior policy period too long",
            VALID
                + "behavior: {scaleUp: {policies: [{type: Percent, value: 50, periodSeconds: 1801}]}}\n",
            "behavior.scaleUp.policies[0].periodSeconds",
            "must be at most 1800, got 1801"),
        invalid(
            "behavior policy of zero pods",
            VALID
                + "behavior: {scaleUp: {policies: [{type: Pods, value: 0, periodSeconds: 60}]}}\n",
            "behavior.scaleUp.policies[0].value",
            "must be greater than 0, got 0"),
        new Case(
            "behavior with downscaleStabilization from the environment",
            VALID + "behavior: {}\n",
            Map.of("downscaleStabilization", "30"),
            "behavior",
            "not both"),
        new Case(
            "malformed integer from the environment",
            VALID,
            Map.of("interval", "invalid"),
            "interval",
            "invalid integer \"invalid\" (environment variable interval)"),
        new Case(
            "environment string where an object belongs",
            VALID,
            Map.of("scaleTargetRef", "invalid JSON"),
            "scaleTargetRef",
            "expected an object, got a string"),
        new Case(
            "empty environment value",
            VALID,
            Map.of("minReplicas", ""),
            "minReplicas",
            "the environment variable is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigs")
  void reportsTheProblemWithItsKey(Case c) {
    InvalidConfigException invalid =
        catchThrowableOfType(
            InvalidConfigException.class, () -> ConfigLoader.load(c.yaml(), "test.yaml", c.env()));

    assertThat(invalid).as("an invalid config is refused").isNotNull();
    assertThat(invalid.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.severity()).isEqualTo(ConfigProblem.Severity.ERROR);
              assertThat(problem.key()).isEqualTo(c.key());
              assertThat(problem.message()).contains(c.message());
            });
  }

  @Test
  void anInvalidPolicyIsReportedOnceAndNotAlsoAsAnEmptyList() {
    InvalidConfigException invalid =
        catchThrowableOfType(
            InvalidConfigException.class,
            () ->
                ConfigLoader.load(
                    VALID
                        + "behavior: {scaleDown: {policies: [{type: Pods, periodSeconds: 60}]}}\n",
                    "test.yaml",
                    Map.of()));

    assertThat(invalid.problems())
        .extracting(ConfigProblem::key)
        .containsExactly("behavior.scaleDown.policies[0].value");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String yaml =
        String.join(
            "\n",
            "interval: 0",
            "startTime: 0",
            "minReplicas: 5",
            "maxReplicas: 3",
            "runMode: sideways",
            "metric: {type: http, timeout: -1, http: {parameterMode: nope}}",
            "evaluate: {type: carrier-pigeon}",
            "minReplica: 2",
            "");

    InvalidConfigException invalid =
        catchThrowableOfType(
            InvalidConfigException.class, () -> ConfigLoader.load(yaml, "many.yaml", Map.of()));

    assertThat(invalid.problems())
        .extracting(ConfigProblem::key)
        .containsExactlyInAnyOrder(
            "scaleTargetRef",
            "metric.timeout",
            "metric.http.url",
            "metric.http.parameterMode",
            "evaluate.type",
            "interval",
            "startTime",
            "minReplicas",
            "runMode",
            "minReplica");
    assertThat(invalid.getMessage())
        .startsWith("configuration from many.yaml is invalid (9 errors):")
        .contains("warning minReplica: unknown key, ignored; did you mean minReplicas?");
  }

  @Test
  void warnsAboutUnknownNestedKeysWithTheClosestOne() throws Exception {
    LoadedConfig loaded =
        ConfigLoader.load(
            TARGET
                + EVALUATE
                + "metric: {type: shell, timout: 5, shell: {entrypoint: m, comand: [a]}}\n",
            "test.yaml",
            Map.of());

    assertThat(loaded.warnings())
        .extracting(ConfigProblem::describe)
        .containsExactlyInAnyOrder(
            "warning metric.timout: unknown key, ignored; did you mean timeout?",
            "warning metric.shell.comand: unknown key, ignored; did you mean command?");
  }

  private static Case invalid(String name, String yaml, String key, String message) {
    return new Case(name, yaml, Map.of(), key, message);
  }
}
