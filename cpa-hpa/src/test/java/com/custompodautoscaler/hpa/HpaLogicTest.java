package com.custompodautoscaler.hpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HpaLogicTest {

  private static final String NOT_SERVED =
      "failed to get resource metric: GET /apis/metrics.k8s.io/v1beta1/namespaces/shop/pods:"
          + " 404 page not found; the resource metrics API (metrics.k8s.io) is not served by this"
          + " cluster: install metrics-server";
  private static final Map<String, String> GO_HPA_ENV = Map.of("metrics", "- type: Resource");

  /** A metric input without kubernetesMetrics, the environment, and what the stage must say. */
  record Case(String name, String failures, Map<String, String> env, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> withoutKubernetesMetrics() {
    return Stream.of(
        new Case(
            "with no failures the configuration lists no metric",
            null,
            Map.of(),
            "the metric input has no kubernetesMetrics: list the HPA's metrics under"
                + " kubernetesMetricSpecs"),
        new Case(
            "with no failures the Go HPA's metrics entry is named",
            null,
            GO_HPA_ENV,
            "the metric input has no kubernetesMetrics, and the environment holds a `metrics`"
                + " entry, which held the HPA's metric specs in the Go horizontal-pod-autoscaler:"
                + " name that config entry kubernetesMetricSpecs (same value), or run the"
                + " cpa-horizontal-pod-autoscaler image, which reads `metrics` as it"),
        new Case(
            "a failure to gather is named, not the configuration",
            "[\"" + NOT_SERVED + "\"]",
            Map.of(),
            "the autoscaler could not gather any of the HPA's metrics: " + NOT_SERVED),
        new Case(
            "a failure to gather is named even beside the Go HPA's metrics entry",
            "[\"" + NOT_SERVED + "\"]",
            GO_HPA_ENV,
            "the autoscaler could not gather any of the HPA's metrics: " + NOT_SERVED),
        new Case(
            "of several failures the first is named and the others counted",
            "[\"" + NOT_SERVED + "\", \"failed to get external metric: 503\"]",
            Map.of(),
            "the autoscaler could not gather any of the HPA's metrics: "
                + NOT_SERVED
                + " (and 1 more, in the autoscaler's log)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withoutKubernetesMetrics")
  void theMetricStageWithoutKubernetesMetricsSaysWhy(Case input) {
    String document =
        "{\"resource\":{\"kind\":\"Deployment\"},\"runType\":\"scaler\""
            + (input.failures() == null ? "" : ",\"kubernetesMetricFailures\":" + input.failures())
            + "}";

    assertThatThrownBy(() -> new HpaLogic(input.env()).call(HpaLogic.METRIC, document))
        .isInstanceOf(HpaInputException.class)
        .hasMessage(input.message());
  }
}
