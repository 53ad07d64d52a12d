package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults on the real node: what Kubernetes does to pods, and what user logic does to its container,
 * and what the autoscaler and the operator make of it.
 */
@Order(5)
@ExtendWith(InstalledOperator.class)
class FaultsIT {

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void anAutoscalerPodDeletedInsideADownscaleWindowIsReplacedAndTheWindowHolds() throws Exception {
    String namespace = Cluster.createNamespace("window");
    GettingStartedLogic.target(admin, namespace, 4);
    GettingStartedLogic.configMap(admin, namespace);
    admin
        .resource(
            GettingStartedLogic.cpa(
                "windowed", Map.of("interval", "2000", "downscaleStabilization", "60")))
        .inNamespace(namespace)
        .create();
    awaitReplicas(namespace, 4, Duration.ofMinutes(2));

    GettingStartedLogic.numPods(admin, namespace, 1);
    Instant lowered = Instant.now();
    Pod first = autoscalerPod(namespace, "windowed");
    admin.resource(first).withGracePeriod(0).delete();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> autoscalerPod(namespace, "windowed"),
            pod ->
                pod != null
                    && !pod.getMetadata().getName().equals(first.getMetadata().getName())
                    && isReady(pod));

    assertThat(Duration.between(lowered, Instant.now()))
        .as("the new autoscaler runs inside the window")
        .isLessThan(Duration.ofSeconds(45));
    Thread.sleep(Duration.ofSeconds(6).toMillis());
    assertThat(replicas(namespace))
        .as("the window, kept in the CPA's status, holds the replicas after the restart")
        .isEqualTo(4);
    awaitReplicas(namespace, 1, Duration.ofMinutes(2));
  }

  @Test
  void theOperatorsLeaderKilledTheOtherTakesTheLeaseAndProvisionsOnce() throws Exception {
    String leader = lease().getSpec().getHolderIdentity();
    admin
        .pods()
        .inNamespace(Cluster.OPERATOR_NAMESPACE)
        .withName(leader)
        .withGracePeriod(0)
        .delete();

    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> lease().getSpec().getHolderIdentity(), holder -> !leader.equals(holder));
    String namespace = Cluster.createNamespace("after-failover");
    GettingStartedLogic.target(admin, namespace, 2);
    GettingStartedLogic.configMap(admin, namespace);
    admin
        .resource(GettingStartedLogic.cpa("led", Map.of("interval", "2000")))
        .inNamespace(namespace)
        .create();

    Cluster.awaitReason(namespace, "led", "Paused", "Running");
    awaitReplicas(namespace, 2, Duration.ofMinutes(2));
    assertThat(
            admin
                .apps()
                .replicaSets()
                .inNamespace(namespace)
                .withLabel("custompodautoscaler.com/name", "led")
                .list()
                .getItems())
        .as("one Deployment revision: the autoscaler was provisioned once")
        .hasSize(1);
  }

  @Test
  void logicThatExhaustsItsMemoryOrHangsIsKilledAndTheAutoscalerGoesOn() throws Exception {
    String namespace = Cluster.createNamespace("bad-logic");
    GettingStartedLogic.target(admin, namespace, 2);
    admin.resource(badLogic()).inNamespace(namespace).create();
    CustomPodAutoscaler cpa = GettingStartedLogic.cpa("unruly", Map.of("interval", "2000"));
    cpa.getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setResources(
            new ResourceRequirementsBuilder()
                .withLimits(Map.of("memory", new Quantity("320Mi")))
                .build());
    cpa.getSpec()
        .getTemplate()
        .getSpec()
        .getVolumes()
        .get(0)
        .getConfigMap()
        .setName("unruly-logic");
    admin.resource(cpa).inNamespace(namespace).create();
    awaitReplicas(namespace, 2, Duration.ofMinutes(2));

    // The kernel kills the hog, the largest process of the container (SIGKILL: exit status 137);
    // the autoscaler kills the hung command when its timeout has passed.
    for (Map.Entry<String, String> mode :
        List.of(
            Map.entry("hog", "exit status 137"), Map.entry("hang", "timed out after 2500 ms"))) {
      GettingStartedLogic.label(admin, namespace, "mode", mode.getKey());
      CustomPodAutoscaler failing =
          Cluster.awaitReason(namespace, "unruly", "ScalingActive", "FailedGetMetrics");
      assertThat(failing.getStatus().getLastRun().getMessage())
          .as("the run says what happened to the logic (%s)", mode.getKey())
          .contains(mode.getValue());
      GettingStartedLogic.label(admin, namespace, "mode", "calm");
      GettingStartedLogic.numPods(admin, namespace, 3);
      awaitReplicas(namespace, 3, Duration.ofMinutes(1));
      GettingStartedLogic.numPods(admin, namespace, 2);
      awaitReplicas(namespace, 2, Duration.ofMinutes(1));
    }
    assertThat(
            autoscalerPod(namespace, "unruly")
                .getStatus()
                .getContainerStatuses()
                .get(0)
                .getRestartCount())
        .as("the autoscaler itself was neither killed nor restarted")
        .isZero();
  }

  /**
   * The getting-started logic, whose metric stage does as the target's {@code mode} label says:
   * {@code hog} takes memory until the kernel kills it, {@code hang} never answers.
   */
  private ConfigMap badLogic() throws IOException {
    String metric =
        String.join(
            "\n",
            "import json, sys, time",
            "labels = json.load(sys.stdin)['resource']['metadata']['labels']",
            "mode = labels.get('mode', 'calm')",
            "if mode == 'hog':",
            "    hoard = []",
            "    while True:",
            "        hoard.append(bytearray(64 * 1024 * 1024))",
            "if mode == 'hang':",
            "    time.sleep(3600)",
            "sys.stdout.write(labels['numPods'])",
            "");
    return GettingStartedLogic.logic("unruly-logic", Map.of("metric.py", metric));
  }

  private Lease lease() {
    return admin
        .resources(Lease.class)
        .inNamespace(Cluster.OPERATOR_NAMESPACE)
        .withName("cpa-operator")
        .get();
  }

  private int replicas(String namespace) {
    return admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("hello-kubernetes")
        .get()
        .getSpec()
        .getReplicas();
  }

  private void awaitReplicas(String namespace, int replicas, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> replicas(namespace) == replicas);
  }

  private Pod autoscalerPod(String namespace, String cpa) {
    return admin
        .pods()
        .inNamespace(namespace)
        .withLabel("custompodautoscaler.com/name", cpa)
        .list()
        .getItems()
        .stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .findFirst()
        .orElse(null);
  }

  private boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
