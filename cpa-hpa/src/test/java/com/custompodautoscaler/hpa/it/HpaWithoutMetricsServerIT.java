package com.custompodautoscaler.hpa.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HPA example's configuration on a cluster without metrics-server: the autoscaler jar as a
 * process, reporting to its CustomPodAutoscaler, against a real kube-apiserver, which serves no
 * metrics API and answers 404 for it. Whether the metrics are required or not, the user is told
 * that metrics-server is missing: in the run's error, the CPA's conditions and its events.
 */
class HpaWithoutMetricsServerIT {

  private static final String CPA = "php-apache";
  private static final Path EXAMPLE =
      ProjectFiles.resolve("examples/horizontal-pod-autoscaler/config.yaml");

  @RegisterExtension static final RealApiServer API = new RealApiServer();

  @TempDir Path dir;
  private String namespace;

  @BeforeEach
  void createTheTargetAndItsCpa() {
    namespace = API.targetWithItsCpa("no-metrics-server", CPA);
  }

  @Test
  void notRequiredTheHpaTheConditionAndTheEventsSayMetricsServerIsMissing() throws Exception {
    try (AutoscalerProcess autoscaler = start(Map.of())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(condition("KubernetesMetricsAvailable"))
                    .as(autoscaler.logs())
                    .containsExactly("False", "MetricsApiNotServed", notServed());
                assertThat(eventMessages("MetricsApiNotServed")).containsExactly(notServed());
                assertThat(eventMessages("RunFailed"))
                    .singleElement()
                    .asString()
                    .startsWith("failed to get metrics: failed to gather metrics: ")
                    .endsWith(
                        "the autoscaler could not gather any of the HPA's metrics: " + notServed());
              });
      assertThat(autoscaler.logs())
          .contains(
              "metrics API not served when retrieving Kubernetes metrics (1/1): " + notServed());
    }
  }

  @Test
  void requiredTheRunFailsSayingMetricsServerIsMissing() throws Exception {
    String failure =
        "failed to get metrics: failed to get all required Kubernetes metrics: gatherer multi"
            + " metric error: 1 errors, first error is "
            + notServed();
    try (AutoscalerProcess autoscaler = start(Map.of("requireKubernetesMetrics", "true"))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(condition("ScalingActive"))
                    .as(autoscaler.logs())
                    .containsExactly("False", "FailedGetMetrics", failure);
                assertThat(eventMessages("RunFailed")).containsExactly(failure);
                assertThat(condition("KubernetesMetricsAvailable"))
                    .containsExactly("False", "MetricsApiNotServed", notServed());
                assertThat(eventMessages("MetricsApiNotServed")).containsExactly(notServed());
              });
      assertThat(autoscaler.logs()).contains("error=\"" + failure + "\"");
    }
  }

  /**
   * The example's configuration and the jar's path, with a short interval, as the operator runs it.
   */
  private AutoscalerProcess start(Map<String, String> entries) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("config.yaml"),
            Files.readString(EXAMPLE)
                .replace("/opt/cpa/cpa-hpa.jar", RealApiServer.hpaJar().toString()));
    Map<String, String> env = new HashMap<>(entries);
    env.put("namespace", namespace);
    env.put("cpaName", CPA);
    env.put("interval", "500");
    return AutoscalerProcess.start(dir, config, API.kubeconfig(), env);
  }

  private String notServed() {
    return "failed to get resource metric: GET /apis/metrics.k8s.io/v1beta1/namespaces/"
        + namespace
        + "/pods?labelSelector=app%3Dphp-apache: 404 page not found; the resource metrics API"
        + " (metrics.k8s.io) is not served by this cluster: install metrics-server";
  }

  /**
   * The CPA's condition of {@code type} as its status, reason and message; empty before it is set.
   */
  private List<String> condition(String type) {
    CustomPodAutoscaler cpa =
        API.admin().resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(CPA).get();
    List<Condition> conditions =
        cpa.getStatus() == null || cpa.getStatus().getConditions() == null
            ? List.of()
            : cpa.getStatus().getConditions();
    return conditions.stream()
        .filter(condition -> condition.getType().equals(type))
        .findFirst()
        .map(found -> List.of(found.getStatus(), found.getReason(), found.getMessage()))
        .orElse(List.of());
  }

  private List<String> eventMessages(String reason) {
    return API.admin().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> reason.equals(event.getReason()))
        .map(Event::getMessage)
        .toList();
  }
}
