package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.autoscaler.testing.SharedKubeApiServer;
import com.custompodautoscaler.autoscaler.testing.Workloads;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.operator.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pausing with the paused-replicas annotation, resuming by removing it; the CPA stays. */
class PauseIT {

  private static final String ANNOTATION = "v1.custompodautoscaler.com/paused-replicas";
  private static KubernetesClient admin;
  private static CustomPodAutoscalerOperator operator;

  @BeforeAll
  static void start() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator =
        CustomPodAutoscalerOperator.start(
            SharedKubeApiServer.adminClient(), new OperatorSettings(Set.of(), Optional.empty(), 0));
  }

  @AfterAll
  static void stop() {
    operator.close();
    admin.close();
  }

  @Test
  void pausingStopsTheAutoscalerAndHoldsTheTargetAndResumingRestartsIt() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "pause");
    admin.resource(Workloads.deployment("web", 4)).inNamespace(namespace).create();
    admin.resource(OperatorTestSupport.cpa("paused-cpa", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "paused-cpa");

    annotate(namespace, "2");

    CustomPodAutoscaler paused =
        OperatorTestSupport.awaitCondition(admin, namespace, "paused-cpa", "Paused", "True");
    assertThat(OperatorTestSupport.condition(paused, "Paused").getMessage())
        .contains("held at 2 replicas");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(replicas(namespace, "paused-cpa")).isZero();
              assertThat(replicas(namespace, "web")).isEqualTo(2);
            });

    annotate(namespace, null);

    OperatorTestSupport.awaitCondition(admin, namespace, "paused-cpa", "Paused", "False");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(replicas(namespace, "paused-cpa")).isEqualTo(1));
    assertThat(
            admin
                .resources(CustomPodAutoscaler.class)
                .inNamespace(namespace)
                .withName("paused-cpa")
                .get())
        .as("the CPA is never deleted")
        .isNotNull();
  }

  @Test
  void anInvalidValueIsReportedAndChangesNothing() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "badpause");
    admin.resource(Workloads.deployment("web", 3)).inNamespace(namespace).create();
    admin.resource(OperatorTestSupport.cpa("odd-cpa", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "odd-cpa");

    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName("odd-cpa")
        .edit(
            cpa -> {
              cpa.getMetadata().setAnnotations(Map.of(ANNOTATION, "some"));
              return cpa;
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CustomPodAutoscaler cpa =
                  admin
                      .resources(CustomPodAutoscaler.class)
                      .inNamespace(namespace)
                      .withName("odd-cpa")
                      .get();
              assertThat(OperatorTestSupport.condition(cpa, "Paused").getReason())
                  .isEqualTo("InvalidPausedReplicas");
              assertThat(OperatorTestSupport.condition(cpa, "Paused").getMessage())
                  .contains("\"some\"");
            });
    assertThat(replicas(namespace, "odd-cpa")).isEqualTo(1);
    assertThat(replicas(namespace, "web")).isEqualTo(3);
  }

  private void annotate(String namespace, String value) {
    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName("paused-cpa")
        .edit(
            cpa -> {
              Map<String, String> annotations =
                  new HashMap<>(
                      Optional.ofNullable(cpa.getMetadata().getAnnotations()).orElse(Map.of()));
              if (value == null) {
                annotations.remove(ANNOTATION);
              } else {
                annotations.put(ANNOTATION, value);
              }
              cpa.getMetadata().setAnnotations(annotations);
              return cpa;
            });
  }

  private int replicas(String namespace, String deployment) {
    return admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(deployment)
        .get()
        .getSpec()
        .getReplicas();
  }
}
