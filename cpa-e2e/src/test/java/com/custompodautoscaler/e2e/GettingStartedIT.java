package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.HelloWorkload;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/getting-started} on the real node as its README's "In a cluster, with the
 * operator" tells a user: the target, the logic in a ConfigMap, {@code kubectl apply -f cpa.yaml};
 * real pods come and go as the label says. The target runs the tests' hello image (a web server)
 * instead of paulbouwer/hello-kubernetes, which no registry here serves.
 */
@Order(2)
@ExtendWith(InstalledOperator.class)
class GettingStartedIT {

  private static final Path EXAMPLE = ProjectFiles.resolve("examples/getting-started");
  private static final String NAMESPACE = "default";

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void theReadmesStepsScaleRealPodsAndTheStatusSaysSo() throws Exception {
    kubectl(
        "create",
        "deployment",
        "hello-kubernetes",
        "--image=" + HelloWorkload.IMAGE,
        "--port=8080");
    kubectl("label", "deployment", "hello-kubernetes", "numPods=3");
    kubectl(
        "create",
        "configmap",
        "getting-started-logic",
        "--from-file=config.yaml",
        "--from-file=metric.py",
        "--from-file=evaluate.py");
    kubectl("apply", "-f", "cpa.yaml");

    Cluster.awaitReadyReplicas(NAMESPACE, "hello-kubernetes", 3);
    CustomPodAutoscaler cpa =
        Cluster.awaitReason(NAMESPACE, "getting-started", "Paused", "Running");
    assertThat(CpaConditions.condition(cpa, "Ready").getReason()).isEqualTo("Provisioned");
    assertThat(autoscalerPod().getSpec().getContainers().get(0).getReadinessProbe())
        .as("the autoscaler is Ready once its readiness probe answers")
        .isNotNull();

    kubectl("label", "deployment", "hello-kubernetes", "numPods=8", "--overwrite");
    Cluster.awaitReadyReplicas(NAMESPACE, "hello-kubernetes", 5);
    kubectl("label", "deployment", "hello-kubernetes", "numPods=2", "--overwrite");
    Cluster.awaitReadyReplicas(NAMESPACE, "hello-kubernetes", 2);

    // CURRENT is the replicas a run found: 2 from the run after the one that scaled to 2.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(kubectl("get", "cpa", "getting-started"))
                    .contains("TARGET", "CURRENT", "DESIRED", "LAST SCALE", "READY", "AGE")
                    .containsPattern(
                        "getting-started\\s+hello-kubernetes\\s+2\\s+2\\s+\\S+\\s+True"));
    assertThat(kubectl("get", "events", "--field-selector", "involvedObject.name=getting-started"))
        .contains("ScaledUp", "scaled Deployment/hello-kubernetes from 1 to 3 (as_evaluated)")
        .contains("ScaledDown");
  }

  private String kubectl(String... args) throws Exception {
    return Kubectl.runIn(EXAMPLE, Cluster.kubeconfig(), args);
  }

  private Pod autoscalerPod() {
    List<Pod> pods =
        admin
            .pods()
            .inNamespace(NAMESPACE)
            .withLabel("custompodautoscaler.com/name", "getting-started")
            .list()
            .getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }
}
