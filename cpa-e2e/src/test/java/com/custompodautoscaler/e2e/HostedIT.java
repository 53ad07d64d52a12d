package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.pipeline.testing.Kubectl;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The getting-started example as a hosted CPA on the real node: the chart's host, from its image,
 * with its ServiceAccount's real token and the chart's RBAC, runs the example's Python logic as the
 * CPA's own account and scales real pods; no autoscaler pod is made; when the host replica that
 * runs it is deleted, the other takes it over and scales on.
 */
@Order(4)
@ExtendWith(InstalledOperator.class)
class HostedIT {

  private static final String TARGET = "hello-kubernetes";
  private static final String CPA = "getting-started";

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void theHostScalesRealPodsAsTheCpasAccountAndAnotherReplicaTakesOver() throws Exception {
    String namespace = Cluster.createNamespace("hosted-e2e");
    GettingStartedLogic.target(admin, namespace, 3);
    GettingStartedLogic.configMap(admin, namespace);
    CustomPodAutoscaler hosted = GettingStartedLogic.cpa(CPA, Map.of());
    hosted.getSpec().setHosted(true);
    admin.resource(hosted).inNamespace(namespace).create();

    Cluster.awaitReadyReplicas(namespace, TARGET, 3);
    CustomPodAutoscaler cpa = Cluster.awaitReason(namespace, CPA, "Paused", "Running");
    String first = cpa.getStatus().getHostReplica();
    assertThat(hostPods()).contains(first);
    assertThat(Hosting.condition(cpa)).get().extracting(Condition::getStatus).isEqualTo("True");
    assertThat(admin.apps().deployments().inNamespace(namespace).withName(CPA).get())
        .as("a hosted CPA has no autoscaler pod of its own")
        .isNull();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kubectl(namespace, "get", "cpa", CPA, "-o", "wide"))
                    .contains("HOST")
                    .containsPattern(CPA + "\\s+" + TARGET + "\\s+3\\s+3\\s+.*" + first));

    admin.pods().inNamespace(Cluster.OPERATOR_NAMESPACE).withName(first).delete();
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(cpa(namespace).getStatus().getHostReplica())
                    .isNotEqualTo(first)
                    .isIn(hostPods()));
    GettingStartedLogic.numPods(admin, namespace, 5);
    Cluster.awaitReadyReplicas(namespace, TARGET, 5);
    assertThat(
            kubectl(namespace, "get", "events", "--field-selector", "involvedObject.name=" + CPA))
        .contains("scaled Deployment/hello-kubernetes from 3 to 5 (as_evaluated)");
  }

  private CustomPodAutoscaler cpa(String namespace) {
    return admin.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(CPA).get();
  }

  /** The names of the host's pods that are running and not being deleted. */
  private List<String> hostPods() {
    return admin
        .pods()
        .inNamespace(Cluster.OPERATOR_NAMESPACE)
        .withLabel("app.kubernetes.io/name", "cpa-host")
        .list()
        .getItems()
        .stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
        .map(Pod::getMetadata)
        .map(metadata -> metadata.getName())
        .toList();
  }

  private String kubectl(String namespace, String... args) throws Exception {
    String[] inNamespace = new String[args.length + 2];
    inNamespace[0] = "--namespace";
    inNamespace[1] = namespace;
    System.arraycopy(args, 0, inNamespace, 2, args.length);
    return Kubectl.run(Cluster.kubeconfig(), inNamespace);
  }
}
