package com.custompodautoscaler.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireDocumentsTest {

  private static final String DEPLOYMENT =
      "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}";
  private static final List<ResourceMetric> METRICS =
      List.of(new ResourceMetric("web-1", "{\"available\":2}"), new ResourceMetric("web-2", ""));

  record Case(String name, Object document, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> documents() {
    return Stream.of(
        new Case(
            "metric input holds the resource and the run type",
            new MetricInput(DEPLOYMENT, "scaler", List.of(), List.of()),
            "{\"resource\":" + DEPLOYMENT + ",\"runType\":\"scaler\"}"),
        new Case(
            "metric input says why the Kubernetes metrics could not be gathered",
            new MetricInput(
                DEPLOYMENT, "scaler", null, List.of("failed to get resource metric: 404")),
            "{\"resource\":"
                + DEPLOYMENT
                + ",\"runType\":\"scaler\","
                + "\"kubernetesMetricFailures\":[\"failed to get resource metric: 404\"]}"),
        new Case(
            "a metric with an empty value leaves the value out",
            new ResourceMetric("web-2", ""),
            "{\"resource\":\"web-2\"}"),
        new Case(
            "post-metric input leaves out missing metrics",
            new PostMetricInput(DEPLOYMENT, null, "api", null, null),
            "{\"resource\":" + DEPLOYMENT + ",\"runType\":\"api\"}"),
        new Case(
            "post-metric input lists the metrics",
            new PostMetricInput(DEPLOYMENT, METRICS, "scaler", List.of(), List.of()),
            "{\"resource\":"
                + DEPLOYMENT
                + ",\"metrics\":[{\"resource\":\"web-1\",\"value\":\"{\\\"available\\\":2}\"},"
                + "{\"resource\":\"web-2\"}],\"runType\":\"scaler\"}"),
        new Case(
            "evaluate input keeps null metrics",
            new EvaluateInput(null, DEPLOYMENT, "api_dry_run"),
            "{\"metrics\":null,\"resource\":" + DEPLOYMENT + ",\"runType\":\"api_dry_run\"}"),
        new Case(
            "post-evaluate input adds the evaluation",
            new PostEvaluateInput(List.of(), DEPLOYMENT, new Evaluation(3), "scaler"),
            "{\"metrics\":[],\"resource\":"
                + DEPLOYMENT
                + ",\"evaluation\":{\"targetReplicas\":3},\"runType\":\"scaler\"}"),
        new Case(
            "scale info carries the final and the raw replica counts",
            new ScaleInfo(
                new Evaluation(5),
                DEPLOYMENT,
                new ScaleTargetRefDocument("Deployment", "web", "apps/v1"),
                "default",
                1,
                5,
                10,
                2,
                "scaler"),
            "{\"evaluation\":{\"targetReplicas\":5},\"resource\":"
                + DEPLOYMENT
                + ",\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\","
                + "\"apiVersion\":\"apps/v1\"},\"namespace\":\"default\",\"minReplicas\":1,"
                + "\"maxReplicas\":5,\"targetReplicas\":10,\"currentReplicas\":2,"
                + "\"runType\":\"scaler\"}"),
        new Case(
            "a target reference without api version leaves it out",
            new ScaleTargetRefDocument("Deployment", "web", ""),
            "{\"kind\":\"Deployment\",\"name\":\"web\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void writesTheDocumentAsCpaV2Does(Case c) throws JsonProcessingException {
    assertThat(new ObjectMapper().writeValueAsString(c.document())).isEqualTo(c.json());
  }
}
