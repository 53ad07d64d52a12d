package com.custompodautoscaler.e2e;

import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.HelloWorkload;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Go CPA user's image, built the way they build it ({@code FROM} the Python image, {@code ADD}
 * the logic to {@code /}, {@code pip install -r requirements.txt}), with their {@code cpa.yaml}
 * unchanged: the python-custom-autoscaler example asks for twice the target's {@code numPods}.
 */
@Order(4)
@ExtendWith(InstalledOperator.class)
class UpstreamUserImageIT {

  private static final Path EXAMPLE =
      ProjectFiles.resolve(
          "cpa-operator/src/test/resources/upstream-examples/python-custom-autoscaler");
  private static final String NAMESPACE = "upstream";

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void theImageAndTheCpaYamlOfAGoCpaUserRunUnchanged() throws Exception {
    Cluster.createNamespace(NAMESPACE);
    GettingStartedLogic.target(admin, NAMESPACE, 2);
    Kubectl.runIn(EXAMPLE, Cluster.kubeconfig(), "-n", NAMESPACE, "apply", "-f", "cpa.yaml");

    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                HelloWorkload.readyReplicas(
                        admin
                            .apps()
                            .deployments()
                            .inNamespace(NAMESPACE)
                            .withName("hello-kubernetes")
                            .get())
                    == 4);
  }
}
