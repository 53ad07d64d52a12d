package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance as a user would do it: the operator jar running with a kubeconfig of its installed
 * account and nothing else; {@code kubectl apply} of the CRD, then of the announcement's YAML; the
 * four objects and a Ready CPA follow.
 */
class OperatorProcessIT {

  @TempDir Path dir;

  @Test
  void kubectlApplyOfTheCrdAndTheAnnouncementsYamlYieldsAReadyCpa() throws Exception {
    Path announcement = dir.resolve("announcement.yaml");
    try (InputStream yaml = OperatorProcessIT.class.getResourceAsStream("/cpa/announcement.yaml")) {
      Files.copy(yaml, announcement);
    }
    try (OperatorProcess operator = OperatorProcess.start(dir, "operator", Map.of());
        KubernetesClient admin = SharedKubeApiServer.adminClient()) {
      Path kubeconfig =
          Files.writeString(dir.resolve("kubeconfig"), SharedKubeApiServer.kubeconfigYaml());
      String namespace = SharedKubeApiServer.freshNamespace(admin, "kubectl");
      Kubectl.run(
          kubeconfig,
          "apply",
          "-f",
          ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml").toString());
      Kubectl.run(
          kubeconfig,
          "wait",
          "--for=condition=Established",
          "crd/custompodautoscalers.custompodautoscaler.com");
      Kubectl.run(kubeconfig, "apply", "-n", namespace, "-f", announcement.toString());

      CustomPodAutoscaler cpa = OperatorTestSupport.awaitReady(admin, namespace, "example-cpa");

      assertThat(cpa.getStatus().getObservedGeneration()).isEqualTo(1L);
      assertThat(admin.serviceAccounts().inNamespace(namespace).withName("example-cpa").get())
          .isNotNull();
      assertThat(admin.rbac().roles().inNamespace(namespace).withName("example-cpa").get())
          .isNotNull();
      assertThat(admin.rbac().roleBindings().inNamespace(namespace).withName("example-cpa").get())
          .isNotNull();
      assertThat(admin.apps().deployments().inNamespace(namespace).withName("example-cpa").get())
          .isNotNull();
      assertThat(Kubectl.run(kubeconfig, "get", "cpa", "-n", namespace))
          .contains("TARGET", "CURRENT", "DESIRED", "LAST SCALE", "READY", "AGE")
          .contains("hello-kubernetes");
      assertThat(operator.terminate()).as("a graceful stop on SIGTERM").isZero();
    }
  }
}
