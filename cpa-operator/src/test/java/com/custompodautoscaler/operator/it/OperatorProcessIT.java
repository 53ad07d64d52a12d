package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.autoscaler.testing.ProjectFiles;
import com.custompodautoscaler.autoscaler.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance as a user would do it: the operator jar running with a kubeconfig and nothing
 * else; {@code kubectl apply} of the CRD, then of the announcement's YAML; the four objects and a
 * Ready CPA follow.
 */
class OperatorProcessIT {

  @TempDir Path dir;

  @Test
  void kubectlApplyOfTheCrdAndTheAnnouncementsYamlYieldsAReadyCpa() throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, SharedKubeApiServer.kubeconfigYaml());
    Path announcement = dir.resolve("announcement.yaml");
    try (InputStream yaml = OperatorProcessIT.class.getResourceAsStream("/cpa/announcement.yaml")) {
      Files.copy(yaml, announcement);
    }
    Path log = dir.resolve("operator.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                java(), "-jar", System.getProperty("cpa.operator.jar", "target/cpa-operator.jar"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    Process operator = builder.start();
    try (KubernetesClient admin = SharedKubeApiServer.adminClient()) {
      String namespace = SharedKubeApiServer.freshNamespace(admin, "kubectl");
      kubectl(
          kubeconfig,
          "apply",
          "-f",
          ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml").toString());
      kubectl(
          kubeconfig,
          "wait",
          "--for=condition=Established",
          "crd/custompodautoscalers.custompodautoscaler.com");
      kubectl(kubeconfig, "apply", "-n", namespace, "-f", announcement.toString());

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
      String table = kubectl(kubeconfig, "get", "cpa", "-n", namespace);
      assertThat(table)
          .contains("TARGET", "CURRENT", "DESIRED", "LAST SCALE", "READY", "AGE")
          .contains("hello-kubernetes");
    } finally {
      operator.destroy();
      operator.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String kubectl(Path kubeconfig, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                SharedKubeApiServer.binary("kubectl").toString(),
                "--kubeconfig",
                kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
    return output;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
