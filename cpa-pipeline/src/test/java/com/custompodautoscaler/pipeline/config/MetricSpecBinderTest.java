package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetricSpecBinderTest {

  private static final String REQUIRED =
      String.join(
          "\n",
          "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
          "metric: {type: shell, shell: {entrypoint: /bin/true}}",
          "evaluate: {type: shell, shell: {entrypoint: /bin/true}}",
          "");

  record Case(String name, String spec, String key, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalidSpecs() {
    return Stream.of(
        new Case(
            "no type",
            "{resource: {name: cpu, target: {type: Utilization}}}",
            "kubernetesMetricSpecs[0].type",
            "missing; expected one of Resource, Pods, Object, External, ContainerResource"),
        new Case(
            "an unknown type",
            "{type: Cpu}",
            "kubernetesMetricSpecs[0].type",
            "unknown metric source type \"Cpu\""),
        new Case(
            "a type without its block",
            "{type: Pods}",
            "kubernetesMetricSpecs[0].pods",
            "missing: a Pods metric needs its pods"),
        new Case(
            "a resource without a name",
            "{type: Resource, resource: {target: {type: Utilization}}}",
            "kubernetesMetricSpecs[0].resource.name",
            "missing"),
        new Case(
            "a resource with a Value target",
            "{type: Resource, resource: {name: cpu, target: {type: Value, value: 1}}}",
            "kubernetesMetricSpecs[0].resource.target.type",
            "invalid resource metric source: must be either average value or average utilization"),
        new Case(
            "a pods metric with a Value target",
            "{type: Pods, pods: {metric: {name: qps}, target: {type: Value}}}",
            "kubernetesMetricSpecs[0].pods.target.type",
            "invalid pods metric source: must be average value"),
        new Case(
            "an object without its described object",
            "{type: Object, object: {metric: {name: hits}, target: {type: Value}}}",
            "kubernetesMetricSpecs[0].object.describedObject.kind",
            "missing"),
        new Case(
            "an external metric without a target type",
            "{type: External, external: {metric: {name: queue}, target: {}}}",
            "kubernetesMetricSpecs[0].external.target.type",
            "invalid external metric source: must be either value or average value"),
        new Case(
            "a container resource without its container",
            "{type: ContainerResource, containerResource: {name: cpu, target: {type:"
                + " Utilization}}}",
            "kubernetesMetricSpecs[0].containerResource.container",
            "missing"),
        new Case(
            "a quantity that is not one",
            "{type: External, external: {metric: {name: q}, target: {type: Value, value: lots}}}",
            "kubernetesMetricSpecs[0].external.target.value",
            "not a Kubernetes quantity"),
        new Case(
            "a utilization of 0 percent",
            "{type: Resource, resource: {name: cpu, target: {type: Utilization,"
                + " averageUtilization: 0}}}",
            "kubernetesMetricSpecs[0].resource.target.averageUtilization",
            "above 0"),
        new Case(
            "a selector whose matchLabels is a string",
            "{type: External, external: {metric: {name: q, selector: {matchLabels: bad}}, target:"
                + " {type: Value, value: 1}}}",
            "kubernetesMetricSpecs[0].external.metric.selector.matchLabels",
            "expected an object of strings, got a string (\"bad\")"),
        new Case(
            "a selector written as a string",
            "{type: External, external: {metric: {name: q, selector: 'queue=orders'}, target:"
                + " {type: Value, value: 1}}}",
            "kubernetesMetricSpecs[0].external.metric.selector",
            "expected an object, got a string (\"queue=orders\")"),
        new Case(
            "an In requirement without values",
            "{type: Pods, pods: {metric: {name: q, selector: {matchExpressions: [{key: a,"
                + " operator: In}]}}, target: {type: AverageValue, averageValue: 1}}}",
            "kubernetesMetricSpecs[0].pods.metric.selector.matchExpressions[0].values",
            "missing; operator In needs values"),
        new Case(
            "an Exists requirement with values",
            "{type: Pods, pods: {metric: {name: q, selector: {matchExpressions: [{key: a,"
                + " operator: Exists, values: [b]}]}}, target: {type: AverageValue, averageValue:"
                + " 1}}}",
            "kubernetesMetricSpecs[0].pods.metric.selector.matchExpressions[0].values",
            "must be empty for operator Exists"),
        new Case(
            "an unknown operator",
            "{type: Pods, pods: {metric: {name: q, selector: {matchExpressions: [{key: a,"
                + " operator: Equals, values: [b]}]}}, target: {type: AverageValue, averageValue:"
                + " 1}}}",
            "kubernetesMetricSpecs[0].pods.metric.selector.matchExpressions[0].operator",
            "unknown operator \"Equals\""));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void anInvalidSpecIsReportedByItsPath(Case c) {
    InvalidConfigException invalid =
        assertThrows(
            InvalidConfigException.class,
            () ->
                ConfigLoader.load(
                    REQUIRED + "kubernetesMetricSpecs: [" + c.spec() + "]\n", "c.yaml", Map.of()));

    assertThat(invalid.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.key()).isEqualTo(c.key());
              assertThat(problem.message()).contains(c.message());
            });
  }

  @Test
  void everySpecTypeWithAValidTargetLoads() throws Exception {
    String specs =
        String.join(
            "\n",
            "kubernetesMetricSpecs:",
            "- {type: Resource, resource: {name: cpu, target: {type: Utilization,"
                + " averageUtilization: 50}}}",
            "- {type: ContainerResource, containerResource: {name: memory, container: app,"
                + " target: {type: AverageValue, averageValue: 200Mi}}}",
            "- {type: Pods, pods: {metric: {name: qps, selector: {matchLabels: {a: b},"
                + " matchExpressions: [{key: c, operator: NotIn, values: [d]}]}},"
                + " target: {type: AverageValue, averageValue: 10}}}",
            "- {type: Object, object: {describedObject: {apiVersion: networking.k8s.io/v1, kind:"
                + " Ingress, name: main}, metric: {name: hits}, target: {type: Value, value: 2k}}}",
            "- {type: External, external: {metric: {name: queue}, target: {type: AverageValue,"
                + " averageValue: 30}}}",
            "");

    LoadedConfig loaded = ConfigLoader.load(REQUIRED + specs, "c.yaml", Map.of());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.config().kubernetesMetrics().specs())
        .extracting(spec -> spec.getType())
        .containsExactly("Resource", "ContainerResource", "Pods", "Object", "External");
    assertThat(
            loaded.config().kubernetesMetrics().specs().get(3).getObject().getTarget().getValue())
        .hasToString("2k");
    assertThat(
            loaded
                .config()
                .kubernetesMetrics()
                .specs()
                .get(2)
                .getPods()
                .getMetric()
                .getSelector()
                .getMatchExpressions())
        .singleElement()
        .satisfies(requirement -> assertThat(requirement.getValues()).containsExactly("d"));
  }
}
