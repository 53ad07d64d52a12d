package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.custompodautoscaler.pipeline.config.ConfigProblem.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated from the schema: every key of every block, nested ones included, is given a value of
 * each JSON type it does not take (string, whole number, fraction, boolean, list, object), in a
 * configuration that is valid otherwise. Each must come out as errors keyed at that key (or at its
 * items), never as an exception. A null is an absent key: an error for a required key, the default
 * otherwise.
 */
class WrongTypeTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A configuration with the least in it, where top-level keys are tried. */
  private static final String MINIMAL =
      String.join(
          "\n",
          "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
          "metric: {type: shell, shell: {entrypoint: /bin/true, command: [a]}}",
          "evaluate: {type: shell, shell: {entrypoint: /bin/true}}",
          "");

  /** A configuration with every block in it, where nested keys are tried. */
  private static final String FULL =
      MINIMAL
          + String.join(
              "\n",
              "preMetric: {type: java, java: {className: com.example.Logic, classpath: [a.jar]}}",
              "postMetric:",
              "  type: http",
              "  http: {url: 'http://localhost:8080/', parameterMode: body, headers: {a: b},"
                  + " successCodes: [200]}",
              "preEvaluate: {type: worker, worker: {entrypoint: /bin/cat, command: [a]}}",
              "apiConfig: {enabled: false}",
              "behavior:",
              "  scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 15}]}",
              "kubernetesMetricSpecs:",
              "  - type: Pods",
              "    pods:",
              "      metric:",
              "        name: qps",
              "        selector:",
              "          matchLabels: {app: web}",
              "          matchExpressions: [{key: tier, operator: In, values: [front]}]",
              "      target: {type: AverageValue, averageValue: 10}",
              "  - {type: Resource, resource: {name: cpu, target: {type: Utilization,"
                  + " averageUtilization: 50}}}",
              "  - {type: ContainerResource, containerResource: {name: cpu, container: app, target:"
                  + " {type: AverageValue, averageValue: 100m}}}",
              "  - type: Object",
              "    object:",
              "      describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}",
              "      metric: {name: hits}",
              "      target: {type: Value, value: 2k}",
              "");

  /** Where one object of each block sits: a configuration and a JSON pointer into it. */
  record Site(String yaml, String pointer) {}

  private static final Map<ConfigBlock, Site> SITES =
      Map.ofEntries(
          Map.entry(ConfigBlock.TOP_LEVEL, new Site(MINIMAL, "")),
          Map.entry(ConfigBlock.SCALE_TARGET_REF, new Site(MINIMAL, "/scaleTargetRef")),
          Map.entry(ConfigBlock.METHOD, new Site(MINIMAL, "/metric")),
          Map.entry(ConfigBlock.SHELL, new Site(MINIMAL, "/metric/shell")),
          Map.entry(ConfigBlock.JAVA, new Site(FULL, "/preMetric/java")),
          Map.entry(ConfigBlock.HTTP, new Site(FULL, "/postMetric/http")),
          Map.entry(ConfigBlock.WORKER, new Site(FULL, "/preEvaluate/worker")),
          Map.entry(ConfigBlock.API_CONFIG, new Site(FULL, "/apiConfig")),
          Map.entry(ConfigBlock.BEHAVIOR, new Site(FULL, "/behavior")),
          Map.entry(ConfigBlock.SCALING_RULES, new Site(FULL, "/behavior/scaleUp")),
          Map.entry(ConfigBlock.RATE_POLICY, new Site(FULL, "/behavior/scaleUp/policies/0")),
          Map.entry(ConfigBlock.METRIC_SPEC, new Site(FULL, "/kubernetesMetricSpecs/0")),
          Map.entry(ConfigBlock.METRIC_SOURCE, new Site(FULL, "/kubernetesMetricSpecs/0/pods")),
          Map.entry(
              ConfigBlock.METRIC_IDENTIFIER,
              new Site(FULL, "/kubernetesMetricSpecs/0/pods/metric")),
          Map.entry(
              ConfigBlock.LABEL_SELECTOR,
              new Site(FULL, "/kubernetesMetricSpecs/0/pods/metric/selector")),
          Map.entry(
              ConfigBlock.SELECTOR_REQUIREMENT,
              new Site(FULL, "/kubernetesMetricSpecs/0/pods/metric/selector/matchExpressions/0")),
          Map.entry(
              ConfigBlock.METRIC_TARGET, new Site(FULL, "/kubernetesMetricSpecs/0/pods/target")),
          Map.entry(
              ConfigBlock.RESOURCE_SOURCE, new Site(FULL, "/kubernetesMetricSpecs/1/resource")),
          Map.entry(
              ConfigBlock.CONTAINER_RESOURCE_SOURCE,
              new Site(FULL, "/kubernetesMetricSpecs/2/containerResource")),
          Map.entry(ConfigBlock.OBJECT_SOURCE, new Site(FULL, "/kubernetesMetricSpecs/3/object")),
          Map.entry(
              ConfigBlock.DESCRIBED_OBJECT,
              new Site(FULL, "/kubernetesMetricSpecs/3/object/describedObject")));

  /** A value of one JSON type. */
  enum Sample {
    STRING(NODES.textNode("text")),
    WHOLE_NUMBER(NODES.numberNode(7)),
    FRACTION(NODES.numberNode(2.5)),
    BOOLEAN(NODES.booleanNode(true)),
    LIST(NODES.arrayNode().add("text")),
    OBJECT(NODES.objectNode().put("text", "text"));

    final JsonNode value;

    Sample(JsonNode value) {
      this.value = value;
    }
  }

  /** What each type takes, written out here rather than asked of the code under test. */
  private static Set<Sample> accepted(ValueType type) {
    if (type instanceof ValueType.Nested || type instanceof ValueType.MapOf) {
      return EnumSet.of(Sample.OBJECT);
    }
    if (type instanceof ValueType.ListOf) {
      return EnumSet.of(Sample.LIST);
    }
    return switch ((ValueType.Scalar) type) {
      case STRING -> EnumSet.of(Sample.STRING);
      case INTEGER -> EnumSet.of(Sample.WHOLE_NUMBER);
      case NUMBER -> EnumSet.of(Sample.WHOLE_NUMBER, Sample.FRACTION);
      case BOOLEAN -> EnumSet.of(Sample.BOOLEAN);
      case QUANTITY -> EnumSet.of(Sample.STRING, Sample.WHOLE_NUMBER, Sample.FRACTION);
    };
  }

  /**
   * {@code value} written for {@code key} at {@code site}, with the errors expected at {@code
   * errorPath}.
   */
  record Case(Site site, Key<?> key, JsonNode value, String errorPath) {

    String path() {
      return WrongTypeTest.path(site, key.name());
    }

    @Override
    public String toString() {
      return path() + " = " + value;
    }
  }

  static Stream<Case> wrongValues() {
    List<Case> cases = new ArrayList<>();
    for (ConfigBlock block : ConfigBlock.values()) {
      Site site = SITES.get(block);
      for (Key<?> key : block.keys()) {
        String path = path(site, key.name());
        for (Sample sample : wrong(key.valueType())) {
          cases.add(new Case(site, key, sample.value, path));
        }
        cases.addAll(wrongItems(site, key, path));
      }
    }
    return cases.stream();
  }

  /** For lists and maps: one item of each type the items do not take. */
  private static List<Case> wrongItems(Site site, Key<?> key, String path) {
    List<Case> cases = new ArrayList<>();
    if (key.valueType() instanceof ValueType.ListOf list) {
      for (Sample sample : wrong(list.item())) {
        cases.add(new Case(site, key, NODES.arrayNode().add(sample.value), path + "[0]"));
      }
    }
    if (key.valueType() instanceof ValueType.MapOf map) {
      for (Sample sample : wrong(map.value())) {
        cases.add(new Case(site, key, NODES.objectNode().set("a", sample.value), path + ".a"));
      }
    }
    return cases;
  }

  private static Set<Sample> wrong(ValueType type) {
    return EnumSet.complementOf(EnumSet.copyOf(accepted(type)));
  }

  static Stream<Case> nulls() {
    return Stream.of(ConfigBlock.values())
        .flatMap(
            block ->
                block.keys().stream()
                    .map(
                        key -> {
                          Site site = SITES.get(block);
                          return new Case(site, key, NODES.nullNode(), path(site, key.name()));
                        }));
  }

  @Test
  void everyBlockHasASiteAndEverySiteIsValid() throws Exception {
    assertThat(SITES.keySet()).containsExactlyInAnyOrder(ConfigBlock.values());
    for (String yaml : List.of(MINIMAL, FULL)) {
      assertThat(ConfigLoader.load(yaml, "site.yaml", Map.of()).warnings()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongValues")
  void aValueOfTheWrongTypeIsAnErrorAtItsKey(Case c) throws Exception {
    InvalidConfigException invalid = refusal(c);

    assertThat(invalid).as("the configuration must be refused").isNotNull();
    assertThat(errors(invalid))
        .as("every error of %s", c)
        .isNotEmpty()
        .allSatisfy(
            problem -> {
              assertThat(problem.key()).isEqualTo(c.errorPath());
              assertThat(problem.message()).startsWith("expected ");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nulls")
  void aNullIsAnAbsentKey(Case c) throws Exception {
    InvalidConfigException invalid = refusal(c);

    if (c.key().documentedDefault().equals("required")) {
      assertThat(invalid).as("a required key set to null is missing").isNotNull();
    }
    if (invalid != null) {
      assertThat(errors(invalid))
          .allSatisfy(problem -> assertThat(problem.key()).startsWith(c.path()));
    }
  }

  /** Why the configuration with {@code c}'s value is refused, or null when it is not. */
  private static InvalidConfigException refusal(Case c) throws Exception {
    String config = withValue(c);
    return catchThrowableOfType(
        () -> ConfigLoader.load(config, "case.json", Map.of()), InvalidConfigException.class);
  }

  private static String withValue(Case c) throws Exception {
    ObjectNode root = (ObjectNode) new YAMLMapper().readTree(c.site().yaml());
    ((ObjectNode) root.at(c.site().pointer())).set(c.key().name(), c.value());
    return root.toString();
  }

  private static List<ConfigProblem> errors(InvalidConfigException invalid) {
    return invalid.problems().stream()
        .filter(problem -> problem.severity() == Severity.ERROR)
        .toList();
  }

  /** The dotted path problems name a key at {@code site} by. */
  private static String path(Site site, String key) {
    String dotted =
        site.pointer().replaceAll("/(\\d+)", "[$1]").replace('/', '.').replaceFirst("^\\.", "");
    return dotted.isEmpty() ? key : dotted + "." + key;
  }
}
