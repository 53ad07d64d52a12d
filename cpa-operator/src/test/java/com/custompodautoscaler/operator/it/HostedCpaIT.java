package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.Conditions;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.api.v1.StatusApply;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CPAs with {@code spec.hosted}: the operator gives them their account and Role but no pod, and
 * tells in {@code Paused} what the host reports in {@code Hosted} (written here as a host writes
 * it), or why the CPA cannot be hosted.
 */
class HostedCpaIT {

  @RegisterExtension static final InProcessOperator OPERATOR = new InProcessOperator();

  private static KubernetesClient admin;

  @BeforeAll
  static void admin() {
    admin = OPERATOR.admin();
  }

  @Test
  void aHostedCpaGetsItsAccountAndRoleButNoPodAndItsStatusFollowsTheHost() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "hosted");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    admin
        .resource(hosted("on-host", "cpa-autoscaler-python:0.1.0"))
        .inNamespace(namespace)
        .create();

    CustomPodAutoscaler waiting =
        awaitPaused(namespace, "on-host", "NotRunning", "no autoscaler host has taken it yet");
    assertThat(CpaConditions.condition(waiting, "Ready").getStatus()).isEqualTo("True");
    assertThat(get(ServiceAccount.class, namespace, "on-host")).isNotNull();
    assertThat(get(Role.class, namespace, "on-host")).isNotNull();
    assertThat(get(RoleBinding.class, namespace, "on-host")).isNotNull();
    assertThat(get(Deployment.class, namespace, "on-host")).as("no pod of its own").isNull();

    reportHosted(
        namespace, "on-host", true, "Running", "replica host-0 of the autoscaler host runs it");
    awaitPaused(namespace, "on-host", "Running", "replica host-0");

    reportHosted(namespace, "on-host", false, "InvalidConfiguration", "interval: not a number");
    awaitPaused(namespace, "on-host", "NotRunning", "(InvalidConfiguration): interval");
  }

  @Test
  void aCpaThatNeedsItsOwnPodIsToldWhy() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "ownimage");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    admin.resource(hosted("custom", "example.com/my-logic:2")).inNamespace(namespace).create();

    awaitPaused(
        namespace,
        "custom",
        "NotRunning",
        "it cannot be hosted: spec.template container autoscaler runs image"
            + " example.com/my-logic:2");
  }

  @Test
  void aCpaThatBecomesHostedHasItsOwnPodScaledToNone() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "moving");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    admin.resource(OperatorTestSupport.cpa("moving", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "moving");
    assertThat(OperatorTestSupport.replicas(admin, namespace, "moving")).isEqualTo(1);

    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName("moving")
        .edit(
            cpa -> {
              cpa.getSpec().setHosted(true);
              return cpa;
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> OperatorTestSupport.replicas(admin, namespace, "moving") == 0);
  }

  private static CustomPodAutoscaler hosted(String name, String image) {
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa(name, Map.of());
    cpa.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
    cpa.getSpec().setHosted(true);
    return cpa;
  }

  private static CustomPodAutoscaler awaitPaused(
      String namespace, String name, String reason, String message) {
    return CpaConditions.awaitCondition(
        admin,
        namespace,
        name,
        Duration.ofSeconds(30),
        condition ->
            CpaConditions.withReason("Paused", reason).test(condition)
                && condition.getMessage().contains(message));
  }

  /** Writes the {@code Hosted} condition as the host does: its own field manager. */
  private static void reportHosted(
      String namespace, String name, boolean runs, String reason, String message) {
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();
    status.setHostReplica("host-0");
    status.setConditions(
        List.of(
            Conditions.condition(null, Hosting.CONDITION, runs, reason, message, Instant.now())));
    StatusApply.apply(admin, StatusApply.patch(namespace, name, status), "cpa-host");
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(
      Class<T> kind, String namespace, String name) {
    return admin.resources(kind).inNamespace(namespace).withName(name).get();
  }
}
