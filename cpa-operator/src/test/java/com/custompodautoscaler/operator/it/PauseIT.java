package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pausing with the paused-replicas annotation, resuming by removing it; the CPA stays. */
class PauseIT {

  private static KubernetesClient admin;
  private static CustomPodAutoscalerOperator operator;

  @BeforeAll
  static void start() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator = OperatorTestSupport.startOperator();
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

    OperatorTestSupport.pauseThenResume(admin, namespace, "paused-cpa", "web", 2);

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

    OperatorTestSupport.setPause(admin, namespace, "odd-cpa", "some");

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
              assertThat(CpaConditions.condition(cpa, "Paused").getReason())
                  .isEqualTo("InvalidPausedReplicas");
              assertThat(CpaConditions.condition(cpa, "Paused").getMessage()).contains("\"some\"");
            });
    assertThat(OperatorTestSupport.replicas(admin, namespace, "odd-cpa")).isEqualTo(1);
    assertThat(OperatorTestSupport.replicas(admin, namespace, "web")).isEqualTo(3);
  }
}
