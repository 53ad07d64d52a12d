package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.custompodautoscaler.pipeline.config.ConfigProblem.Severity;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The situations of the Go CPA v2 config loader's own test table (a file, environment variables,
 * and the values or the failure its loader gives), run through this loader. CPA v2's loader only
 * reads; it checks nothing. So each situation is held here twice: the values read (file, then
 * environment, then defaults, through the same readers the binder uses) must be CPA v2's, and the
 * validation that follows may refuse only what {@code docs/compatibility.md} declares, each refusal
 * named by the declaration it follows.
 */
class UpstreamLoaderSituationsTest {

  /** The differences the situations run into, each with the phrase compatibility.md holds. */
  enum Declared {
    STRICT_VALIDATION(
        "No validation: a missing `scaleTargetRef`, `metric` or `evaluate`, or"
            + " `interval`/`startTime` of 0, crash the process; an unknown `runMode`"),
    ENVIRONMENT_OBJECTS_MERGE(
        "An environment variable that holds an object replaces the key wholesale");

    final String phrase;

    Declared(String phrase) {
      this.phrase = phrase;
    }
  }

  private static final Object ABSENT = new Object();

  /** A value read here that differs from CPA v2's, and the declaration that says why. */
  record Difference(Object value, Declared declared) {}

  record Situation(
      String name,
      String file,
      Map<String, String> env,
      Map<String, Object> expected,
      Map<String, Difference> differences,
      Map<String, Declared> refusals) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The keys every situation without an error checks, with CPA v2's defaults. */
  private static Map<String, Object> defaults() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("interval", 15000L);
    values.put("namespace", "default");
    values.put("runMode", "per-pod");
    values.put("minReplicas", 1L);
    values.put("maxReplicas", 10L);
    values.put("startTime", 1L);
    values.put("logVerbosity", 0L);
    values.put("downscaleStabilization", 0L);
    values.put("apiConfig.enabled", true);
    values.put("apiConfig.useHTTPS", false);
    values.put("apiConfig.port", 5000L);
    values.put("apiConfig.host", "0.0.0.0");
    values.put("apiConfig.certFile", "");
    values.put("apiConfig.keyFile", "");
    values.put("scaleTargetRef", ABSENT);
    for (String method :
        List.of(
            "metric",
            "evaluate",
            "preMetric",
            "postMetric",
            "preEvaluate",
            "postEvaluate",
            "preScale",
            "postScale")) {
      values.put(method, ABSENT);
    }
    values.put("kubernetesMetricSpecs", ABSENT);
    values.put("requireKubernetesMetrics", false);
    values.put("initialReadinessDelay", 30L);
    values.put("cpuInitializationPeriod", 300L);
    return values;
  }

  private static Map<String, Object> defaultsWith(Object... pairs) {
    Map<String, Object> values = defaults();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  private static final String TARGET_JSON =
      "{ \"name\": \"test target name\", \"kind\": \"test target kind\","
          + " \"apiVersion\": \"test target api version\"}";

  /** What the situations with environment variables read from them. */
  private static final Object[] ENVIRONMENT_NUMBERS = {
    "interval", 35L,
    "runMode", "test run mode",
    "minReplicas", 3L,
    "maxReplicas", 6L,
    "startTime", 0L
  };

  private static final Object[] TARGET = {
    "scaleTargetRef.name", "test target name",
    "scaleTargetRef.kind", "test target kind",
    "scaleTargetRef.apiVersion", "test target api version"
  };

  private static final String YAML_EVALUATE =
      String.join(
          "\n",
          "evaluate:",
          "  type: shell",
          "  timeout: 10",
          "  shell:",
          "    command:",
          "      - \"testcommand\"",
          "      - \"arg1\"",
          "    entrypoint: \"testentry\"",
          "");

  private static final Object[] SHELL_EVALUATE = {
    "evaluate.type",
    "shell",
    "evaluate.timeout",
    10L,
    "evaluate.shell.command",
    List.of("testcommand", "arg1"),
    "evaluate.shell.entrypoint",
    "testentry"
  };

  private static final Object[] SHELL_METRIC = {
    "metric.type",
    "shell",
    "metric.timeout",
    10L,
    "metric.shell.command",
    List.of("testcommand"),
    "metric.shell.entrypoint",
    "testentry"
  };

  private static final String JSON_EVALUATE_AND_SHELL_METRIC =
      String.join(
          "\n",
          "\t\t\t\t\"evaluate\": {",
          "\t\t\t\t\t\"type\": \"shell\",",
          "\t\t\t\t\t\"timeout\": 10,",
          "\t\t\t\t\t\"shell\": {",
          "\t\t\t\t\t\t\"command\": [\"testcommand\", \"arg1\"],",
          "\t\t\t\t\t\t\"entrypoint\": \"testentry\"",
          "\t\t\t\t\t}",
          "\t\t\t\t},",
          "\t\t\t\t\"metric\": {",
          "\t\t\t\t\t\"type\": \"shell\",",
          "\t\t\t\t\t\"timeout\": 10,",
          "\t\t\t\t\t\"shell\": {",
          "\t\t\t\t\t\t\"command\": [\"testcommand\"],",
          "\t\t\t\t\t\t\"entrypoint\": \"testentry\"",
          "\t\t\t\t\t}",
          "\t\t\t\t},");

  static Stream<Situation> readsAsUpstreamDoes() {
    return Stream.of(
        new Situation(
            "No JSON or YAML no env return default",
            "",
            Map.of(),
            defaults(),
            Map.of(),
            Map.of(
                "scaleTargetRef", Declared.STRICT_VALIDATION,
                "metric", Declared.STRICT_VALIDATION,
                "evaluate", Declared.STRICT_VALIDATION)),
        new Situation(
            "No JSON or YAML override with env",
            "",
            Map.ofEntries(
                Map.entry(
                    "metric",
                    "{\n\t\t\t\t\t\"type\" : \"shell\",\n\t\t\t\t\t\"timeout\": 10,\n\t\t\t\t\t"
                        + "\"shell\": {\n\t\t\t\t\t\t\"command\" : [\"testcommand\"],\n"
                        + "\t\t\t\t\t\t\"entrypoint\" : \"testentry\"\n\t\t\t\t\t}\n\t\t\t\t}"),
                Map.entry("interval", "35"),
                Map.entry("namespace", "test env namespace"),
                Map.entry("runMode", "test run mode"),
                Map.entry("minReplicas", "3"),
                Map.entry("maxReplicas", "6"),
                Map.entry("startTime", "0"),
                Map.entry("scaleTargetRef", TARGET_JSON),
                Map.entry("logVerbosity", "3"),
                Map.entry("downscaleStabilization", "200"),
                Map.entry(
                    "apiConfig",
                    "{\n\t\t\t\t\t\"port\": 3000,\n\t\t\t\t\t\"enabled\": true,\n\t\t\t\t\t"
                        + "\"useHTTPS\": true,\n\t\t\t\t\t\"certFile\": \"testcert\",\n"
                        + "\t\t\t\t\t\"keyFile\": \"testkey\"\n\t\t\t\t}")),
            with(
                defaultsWith(
                    "namespace",
                    "test env namespace",
                    "logVerbosity",
                    3L,
                    "downscaleStabilization",
                    200L,
                    "apiConfig.port",
                    3000L,
                    "apiConfig.enabled",
                    true,
                    "apiConfig.useHTTPS",
                    true,
                    "apiConfig.host",
                    "",
                    "apiConfig.certFile",
                    "testcert",
                    "apiConfig.keyFile",
                    "testkey",
                    "scaleTargetRef",
                    null,
                    "metric",
                    null),
                ENVIRONMENT_NUMBERS,
                TARGET,
                SHELL_METRIC),
            Map.of("apiConfig.host", new Difference("0.0.0.0", Declared.ENVIRONMENT_OBJECTS_MERGE)),
            Map.of(
                "evaluate", Declared.STRICT_VALIDATION,
                "runMode", Declared.STRICT_VALIDATION,
                "startTime", Declared.STRICT_VALIDATION)),
        new Situation(
            "No env override with YAML",
            "\n"
                + YAML_EVALUATE
                + String.join(
                    "\n",
                    "metric:",
                    "  type: http",
                    "  timeout: 10",
                    "  http:",
                    "    method: \"GET\"",
                    "    url: \"https://www.custompodautoscaler.com\"",
                    "    successCodes:",
                    "      - 200",
                    "    headers:",
                    "      a: testa",
                    "      b: testb",
                    "      c: testc",
                    "    parameterMode: query",
                    "interval: 30",
                    "runMode: \"test run mode\"",
                    "minReplicas: 2",
                    "maxReplicas: 7",
                    "startTime: 0",
                    "namespace: \"test yaml namespace\"",
                    "logVerbosity: 2",
                    "downscaleStabilization: 200",
                    "apiConfig:",
                    "  enabled: true",
                    "  useHTTPS: false",
                    "  host: \"test yaml host\"",
                    "  port: 7890",
                    ""),
            Map.of(),
            fileValues(2L, "GET", "query", "apiConfig.host", "test yaml host"),
            Map.of(),
            Map.of(
                "scaleTargetRef", Declared.STRICT_VALIDATION,
                "runMode", Declared.STRICT_VALIDATION,
                "startTime", Declared.STRICT_VALIDATION)),
        new Situation(
            "No env override with JSON",
            String.join(
                "\n",
                "{",
                "\t\t\t\t\"evaluate\":{",
                "\t\t\t\t\t\"type\":\"shell\",",
                "\t\t\t\t\t\"timeout\":10,",
                "\t\t\t\t\t\"shell\": {",
                "\t\t\t\t\t\t\"command\": [\"testcommand\", \"arg1\"],",
                "\t\t\t\t\t\t\"entrypoint\": \"testentry\"",
                "\t\t\t\t\t}",
                "\t\t\t\t},",
                "\t\t\t\t\"metric\":{",
                "\t\t\t\t\t\"type\":\"http\",",
                "\t\t\t\t\t\"timeout\":10,",
                "\t\t\t\t\t\"http\": {",
                "\t\t\t\t\t\t\"method\": \"POST\",",
                "\t\t\t\t\t\t\"url\": \"https://www.custompodautoscaler.com\",",
                "\t\t\t\t\t\t\"successCodes\": [",
                "\t\t\t\t\t\t\t200",
                "\t\t\t\t\t\t],",
                "\t\t\t\t\t\t\"headers\": {",
                "\t\t\t\t\t\t\t\"a\": \"testa\",",
                "\t\t\t\t\t\t\t\"b\": \"testb\",",
                "\t\t\t\t\t\t\t\"c\": \"testc\"",
                "\t\t\t\t\t\t},",
                "\t\t\t\t\t\t\"parameterMode\": \"body\"",
                "\t\t\t\t\t}",
                "\t\t\t\t},",
                "\t\t\t\t\"interval\":30,",
                "\t\t\t\t\"runMode\":\"test run mode\",",
                "\t\t\t\t\"minReplicas\":2,",
                "\t\t\t\t\"maxReplicas\":7,",
                "\t\t\t\t\"startTime\":0,",
                "\t\t\t\t\"namespace\":\"test yaml namespace\",",
                "\t\t\t\t\"logVerbosity\":1,",
                "\t\t\t\t\"downscaleStabilization\":200,",
                "\t\t\t\t\"apiConfig\": {",
                "\t\t\t\t\t\"port\": 7890,",
                "\t\t\t\t\t\"enabled\": false,",
                "\t\t\t\t\t\"useHTTPS\": true,",
                "\t\t\t\t\t\"certFile\": \"test cert file\",",
                "\t\t\t\t\t\"keyFile\": \"test key file\"",
                "\t\t\t\t}",
                "\t\t\t}"),
            Map.of(),
            fileValues(
                1L,
                "POST",
                "body",
                "apiConfig.enabled",
                false,
                "apiConfig.useHTTPS",
                true,
                "apiConfig.certFile",
                "test cert file",
                "apiConfig.keyFile",
                "test key file"),
            Map.of(),
            Map.of(
                "scaleTargetRef", Declared.STRICT_VALIDATION,
                "runMode", Declared.STRICT_VALIDATION,
                "startTime", Declared.STRICT_VALIDATION)),
        new Situation(
            "Partial YAML partial env",
            "\n"
                + YAML_EVALUATE
                + String.join(
                    "\n",
                    "metric:",
                    "  type: shell",
                    "  timeout: 10",
                    "  shell:",
                    "    command:",
                    "      - \"testcommand\"",
                    "    entrypoint: \"testentry\"",
                    "apiConfig:",
                    "  enabled: true",
                    "  useHTTPS: false",
                    "  host: \"test host\"",
                    "  port: 7890",
                    "runMode: \"test run mode\"",
                    "namespace: \"test yaml namespace\"",
                    ""),
            Map.of(
                "interval", "35",
                "minReplicas", "3",
                "maxReplicas", "6",
                "startTime", "0",
                "logVerbosity", "5",
                "downscaleStabilization", "300",
                "scaleTargetRef", TARGET_JSON),
            partialSituationValues(5L),
            Map.of(),
            Map.of(
                "runMode", Declared.STRICT_VALIDATION,
                "startTime", Declared.STRICT_VALIDATION)),
        new Situation(
            "Partial JSON partial env",
            "{\n"
                + JSON_EVALUATE_AND_SHELL_METRIC
                + "\n\t\t\t\t\"host\": \"test yaml host\",\n\t\t\t\t\"port\": 7890,\n"
                + "\t\t\t\t\"runMode\": \"test run mode\",\n"
                + "\t\t\t\t\"namespace\": \"test yaml namespace\"\n\t\t\t}",
            Map.of(
                "interval",
                "35",
                "minReplicas",
                "3",
                "maxReplicas",
                "6",
                "startTime",
                "0",
                "scaleTargetRef",
                TARGET_JSON,
                "logVerbosity",
                "3",
                "downscaleStabilization",
                "300",
                "apiConfig",
                "\nhost: \"test host\"\nport: 7890\nenabled: true\nuseHTTPS: false\n"),
            partialSituationValues(3L),
            Map.of(),
            Map.of(
                "runMode", Declared.STRICT_VALIDATION,
                "startTime", Declared.STRICT_VALIDATION)));
  }

  /**
   * What the YAML and the JSON file situations read: the same but for the log verbosity, the HTTP
   * method and parameter mode of the metric stage, and the keys of {@code apiConfig}.
   */
  private static Map<String, Object> fileValues(
      long logVerbosity, String verb, String parameterMode, Object... apiConfig) {
    return with(
        defaultsWith(
            "interval",
            30L,
            "runMode",
            "test run mode",
            "minReplicas",
            2L,
            "maxReplicas",
            7L,
            "startTime",
            0L,
            "namespace",
            "test yaml namespace",
            "logVerbosity",
            logVerbosity,
            "downscaleStabilization",
            200L,
            "apiConfig.port",
            7890L,
            "evaluate",
            null,
            "metric",
            null,
            "metric.type",
            "http",
            "metric.timeout",
            10L,
            "metric.http.method",
            verb,
            "metric.http.url",
            "https://www.custompodautoscaler.com",
            "metric.http.successCodes",
            List.of(200),
            "metric.http.headers",
            Map.of("a", "testa", "b", "testb", "c", "testc"),
            "metric.http.parameterMode",
            parameterMode),
        SHELL_EVALUATE,
        apiConfig);
  }

  /** The last two situations read the same values but for the log verbosity. */
  private static Map<String, Object> partialSituationValues(long logVerbosity) {
    return with(
        defaultsWith(
            "namespace",
            "test yaml namespace",
            "logVerbosity",
            logVerbosity,
            "downscaleStabilization",
            300L,
            "apiConfig.port",
            7890L,
            "apiConfig.host",
            "test host",
            "scaleTargetRef",
            null,
            "evaluate",
            null,
            "metric",
            null),
        ENVIRONMENT_NUMBERS,
        TARGET,
        SHELL_EVALUATE,
        SHELL_METRIC);
  }

  /** {@code values} with the pairs of each of {@code more} added; a null value drops the key. */
  private static Map<String, Object> with(Map<String, Object> values, Object[]... more) {
    for (Object[] pairs : more) {
      for (int i = 0; i < pairs.length; i += 2) {
        values.put((String) pairs[i], pairs[i + 1]);
      }
    }
    values.values().removeIf(value -> value == null);
    return values;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readsAsUpstreamDoes")
  void readsEachValueAsCpaV2Does(Situation situation) {
    ConfigProblems problems = new ConfigProblems();
    ObjectNode tree = ConfigTree.parseFile(situation.file(), problems).orElseThrow();
    ConfigTree.applyEnvironment(tree, situation.env(), problems);

    assertThat(problems.hasErrors()).as("reading %s", problems.sorted()).isFalse();
    situation
        .expected()
        .forEach(
            (path, upstream) -> {
              Difference difference = situation.differences().get(path);
              Object expected = difference == null ? upstream : difference.value();
              assertThat(TreeValues.read(tree, path, expected)).as(path).isEqualTo(expected);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readsAsUpstreamDoes")
  void refusesOnlyWhatCompatibilityDeclares(Situation situation) {
    InvalidConfigException invalid = refusal(situation.file(), situation.env());

    Set<String> refused =
        invalid == null
            ? Set.of()
            : invalid.problems().stream()
                .filter(problem -> problem.severity() == Severity.ERROR)
                .map(ConfigProblem::key)
                .collect(Collectors.toSet());
    assertThat(refused).isEqualTo(situation.refusals().keySet());
  }

  record Failure(String name, String file, Map<String, String> env, String key) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Failure> failsAsUpstreamDoes() {
    return Stream.of(
        new Failure("Invalid JSON or YAML", "invalid", Map.of(), ""),
        new Failure(
            "Invalid int JSON or YAML config", "interval: \"invalid\"", Map.of(), "interval"),
        new Failure("Invalid int env config", "", Map.of("interval", "invalid"), "interval"),
        new Failure(
            "Invalid scale target ref",
            "",
            Map.of("scaleTargetRef", "invalid JSON"),
            "scaleTargetRef"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failsAsUpstreamDoes")
  void failsWhereCpaV2Fails(Failure failure) {
    InvalidConfigException invalid = refusal(failure.file(), failure.env());

    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .anySatisfy(problem -> assertThat(problem.key()).isEqualTo(failure.key()));
  }

  @ParameterizedTest
  @EnumSource(Declared.class)
  void everyDifferenceTheSituationsMeetIsDeclared(Declared declared) throws Exception {
    String compatibility = Files.readString(ProjectFiles.resolve("docs/compatibility.md"));

    assertThat(compatibility).contains(declared.phrase);
  }

  @Test
  void coversEverySituationOfUpstreamsTable() {
    assertThat(readsAsUpstreamDoes().count() + failsAsUpstreamDoes().count()).isEqualTo(10);
  }

  /** Why the loader refuses {@code file} with {@code env}, or null when it does not. */
  private static InvalidConfigException refusal(String file, Map<String, String> env) {
    return catchThrowableOfType(
        () -> ConfigLoader.load(file, "situation", env), InvalidConfigException.class);
  }

  /** Reads one value from a loaded tree by its dotted path, with the schema's defaults. */
  static final class TreeValues {

    private TreeValues() {}

    static Object read(ObjectNode tree, String path, Object like) {
      String[] keys = path.split("\\.");
      BlockReader reader = new BlockReader(tree, ConfigBlock.TOP_LEVEL, "", new ConfigProblems());
      ConfigBlock block = ConfigBlock.TOP_LEVEL;
      for (int i = 0; i < keys.length - 1; i++) {
        Key<?> nested = block.find(keys[i]).orElseThrow();
        block = ((ValueType.Nested) nested.valueType()).block();
        reader =
            reader.has(nested)
                ? (BlockReader) reader.find(nested).orElseThrow()
                : new BlockReader(
                    JsonNodeFactory.instance.objectNode(),
                    block,
                    reader.path(nested),
                    new ConfigProblems());
      }
      Key<?> key = block.find(keys[keys.length - 1]).orElseThrow();
      if (like == ABSENT) {
        return reader.has(key) ? "present" : ABSENT;
      }
      Object value =
          key instanceof DefaultedKey<?> defaulted
              ? reader.get(defaulted)
              : reader.find(key).orElse(null);
      return like instanceof Long && value instanceof Integer number ? number.longValue() : value;
    }
  }
}
