package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoscaler jar as a process, run as the operator would run it (with {@code cpaName}),
 * reporting to its CustomPodAutoscaler: status next to the operator's, events, and a stabilization
 * window that survives a restart.
 */
class AutoscalerReportsToItsCpaIT {

  private static final String CPA = "web-cpa";
  private static KubernetesClient admin;
  private static CustomPodAutoscalerOperator operator;
  private static Path kubeconfig;
  @TempDir static Path scripts;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator = OperatorTestSupport.startOperator();
    kubeconfig = scripts.resolve("kubeconfig");
    Files.writeString(kubeconfig, SharedKubeApiServer.kubeconfigYaml());
    for (String script : List.of("label_metric.py", "label_evaluate.py")) {
      try (InputStream in =
          AutoscalerReportsToItsCpaIT.class.getResourceAsStream("/e2e/" + script)) {
        Files.copy(in, scripts.resolve(script));
      }
    }
  }

  @AfterAll
  static void stop() {
    operator.close();
    admin.close();
  }

  @Test
  void reportsNextToTheOperatorAndKeepsTheWindowAcrossARestart() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "report");
    admin.resource(labelled(Workloads.deployment("web", 2), "5")).inNamespace(namespace).create();
    admin.resource(OperatorTestSupport.cpa(CPA, Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, CPA);

    try (AutoscalerProcess first = startAutoscaler(namespace)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                CustomPodAutoscaler cpa = cpa(namespace);
                assertThat(cpa.getStatus().getDesiredReplicas()).isEqualTo(5);
                assertThat(cpa.getStatus().getCurrentReplicas()).isEqualTo(5);
                assertThat(cpa.getStatus().getLastScaleTime()).isNotNull();
                assertThat(cpa.getStatus().getLastRun().getOutcome()).isEqualTo("success");
                assertThat(cpa.getStatus().getStabilizationWindow()).isNotEmpty();
                assertThat(conditionTypes(cpa))
                    .contains("Ready", "Paused", "AbleToScale", "ScalingActive", "ScalingLimited");
              });
      assertThat(cpa(namespace).getStatus().getObservedGeneration())
          .as("the operator's fields stay")
          .isEqualTo(1L);
      assertThat(events(namespace))
          .anySatisfy(
              event -> {
                assertThat(event.getReason()).isEqualTo("ScaledUp");
                assertThat(event.getMessage())
                    .isEqualTo("scaled Deployment/web from 2 to 5 (as_evaluated)");
              });

      relabel(namespace, "1");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(cpa(namespace).getStatus().getLastRun().getReason())
                      .isEqualTo("downscale_stabilized"));
      assertThat(first.terminate()).isZero();
    }

    Instant restarted = Instant.now();
    try (AutoscalerProcess second = startAutoscaler(namespace)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                CustomPodAutoscaler cpa = cpa(namespace);
                assertThat(Instant.parse(cpa.getStatus().getLastRun().getTime()))
                    .isAfter(restarted);
                assertThat(cpa.getStatus().getLastRun().getReason())
                    .as("the window came back with the restart")
                    .isEqualTo("downscale_stabilized");
              });
      assertThat(replicas(namespace)).isEqualTo(5);
      await()
          .atMost(Duration.ofSeconds(40))
          .untilAsserted(() -> assertThat(replicas(namespace)).isEqualTo(1));
    }
  }

  @Test
  void repeatedFailuresMakeOneEventWithACount() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "failing");
    admin
        .resource(labelled(Workloads.deployment("web", 2), "broken"))
        .inNamespace(namespace)
        .create();
    admin.resource(OperatorTestSupport.cpa(CPA, Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, CPA);

    try (AutoscalerProcess autoscaler = startAutoscaler(namespace)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                List<Event> failures =
                    events(namespace).stream()
                        .filter(event -> event.getReason().equals("RunFailed"))
                        .toList();
                assertThat(failures)
                    .singleElement()
                    .satisfies(
                        event -> {
                          assertThat(event.getType()).isEqualTo("Warning");
                          assertThat(event.getCount()).isGreaterThanOrEqualTo(3);
                          assertThat(event.getMessage()).contains("targetReplicas is missing");
                        });
              });
      CustomPodAutoscaler cpa = cpa(namespace);
      assertThat(cpa.getStatus().getLastRun().getOutcome()).isEqualTo("failure");
      assertThat(cpa.getStatus().getConditions())
          .anySatisfy(
              condition -> {
                assertThat(condition.getType()).isEqualTo("ScalingActive");
                assertThat(condition.getStatus()).isEqualTo("False");
                assertThat(condition.getReason()).isEqualTo("FailedGetEvaluation");
              });
    }
  }

  private AutoscalerProcess startAutoscaler(String namespace) throws Exception {
    String config =
        String.join(
            "\n",
            "runMode: per-resource",
            "interval: 500",
            "minReplicas: 1",
            "maxReplicas: 10",
            "downscaleStabilization: 15",
            "metric: {type: shell, shell: {entrypoint: python3, command: ["
                + scripts.resolve("label_metric.py")
                + "]}}",
            "evaluate: {type: shell, shell: {entrypoint: python3, command: ["
                + scripts.resolve("label_evaluate.py")
                + "]}}",
            "");
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, config);
    Map<String, String> env =
        Map.of(
            "scaleTargetRef",
                "{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"}",
            "namespace", namespace,
            "cpaName", CPA);
    return AutoscalerProcess.start(dir, file, kubeconfig, env).awaitReady();
  }

  private static CustomPodAutoscaler cpa(String namespace) {
    return admin.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(CPA).get();
  }

  private static List<String> conditionTypes(CustomPodAutoscaler cpa) {
    return cpa.getStatus().getConditions().stream().map(Condition::getType).toList();
  }

  private static List<Event> events(String namespace) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> CPA.equals(event.getInvolvedObject().getName()))
        .toList();
  }

  private static int replicas(String namespace) {
    return Workloads.deploymentReplicas(admin, namespace, "web");
  }

  private static HasMetadata labelled(HasMetadata object, String numPods) {
    object.getMetadata().setLabels(Map.of("numPods", numPods));
    return object;
  }

  private static void relabel(String namespace, String numPods) {
    admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("web")
        .edit(
            deployment -> {
              deployment.getMetadata().getLabels().put("numPods", numPods);
              return deployment;
            });
  }
}
