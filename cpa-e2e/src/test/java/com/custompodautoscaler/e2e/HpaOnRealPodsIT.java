package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.HelloWorkload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HPA as a CPA on real pods, with the image users of the Go HPA switch to: the pods' real CPU,
 * read from the kubelet's summary API by a stand-in for metrics-server (which Debian does not
 * package; the stand-in is the tests' own, in {@code metrics-stand-in/}), scales a Deployment of
 * pods that burn a core each under a limit of 200m up, and, once they idle, down again.
 */
@Order(4)
@ExtendWith(InstalledOperator.class)
class HpaOnRealPodsIT {

  private static final Path STAND_IN =
      ProjectFiles.resolve("cpa-e2e/src/test/resources/metrics-stand-in");
  private static final String NAMESPACE = "hpa";
  private static final String BURN = "while True: pass";
  private static final String IDLE = "import time; time.sleep(86400)";

  private static KubernetesClient admin;

  @BeforeAll
  static void install() throws Exception {
    admin = Cluster.admin();
    Path kubeconfig = Cluster.kubeconfig();
    Kubectl.runIn(STAND_IN, kubeconfig, "apply", "-f", "metrics-stand-in.yaml");
    Kubectl.runIn(
        STAND_IN,
        kubeconfig,
        "-n",
        "metrics-stand-in",
        "create",
        "configmap",
        "metrics-stand-in",
        "--from-file=metrics_stand_in.py");
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(
                        Kubectl.run(
                            kubeconfig,
                            "get",
                            "--raw",
                            "/apis/metrics.k8s.io/v1beta1/namespaces/metrics-stand-in/pods"))
                    .contains("PodMetricsList"));
  }

  @Test
  void theHpaAsACpaScalesUpUnderRealLoadAndDownWhenItStops() throws Exception {
    Cluster.createNamespace(NAMESPACE);
    admin.resource(burner()).inNamespace(NAMESPACE).create();
    CustomPodAutoscaler hpa =
        CustomPodAutoscaler.of(
            "burner-hpa",
            new ScaleTargetReference("apps/v1", "Deployment", "burner"),
            "cpa-horizontal-pod-autoscaler:0.1.0");
    hpa.getSpec().setRoleRequiresMetricsServer(true);
    hpa.getSpec()
        .setConfig(
            List.of(
                new ConfigEntry(
                    "metrics",
                    "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":"
                        + "{\"type\":\"Utilization\",\"averageUtilization\":50}}}]"),
                new ConfigEntry("minReplicas", "1"),
                new ConfigEntry("maxReplicas", "4"),
                new ConfigEntry("interval", "5000"),
                new ConfigEntry("downscaleStabilization", "10"),
                new ConfigEntry("cpuInitializationPeriod", "10"),
                new ConfigEntry("initialReadinessDelay", "5")));
    admin.resource(hpa).inNamespace(NAMESPACE).create();

    // Each pod uses its 200m limit, twice its 100m request: 200% against a target of 50%.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> replicas() == 4);

    admin
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .withName("burner")
        .patch(
            PatchContext.of(PatchType.JSON),
            "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/command/2\",\"value\":\""
                + IDLE
                + "\"}]");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> replicas() == 1);
  }

  private static int replicas() {
    return admin
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .withName("burner")
        .get()
        .getSpec()
        .getReplicas();
  }

  /** Pods of the hello image that burn all the CPU their limit allows. */
  private static Deployment burner() {
    Deployment burner = HelloWorkload.deployment("burner", Map.of(), 1);
    Container container = burner.getSpec().getTemplate().getSpec().getContainers().get(0);
    container.setCommand(List.of("python3", "-c", BURN));
    container.setResources(
        new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("100m")))
            .withLimits(Map.of("cpu", new Quantity("200m")))
            .build());
    return burner;
  }
}
