package com.custompodautoscaler.hpa.it;

import com.custompodautoscaler.autoscaler.testing.JarProcess;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the tests that run the autoscaler jar with the HPA's logic on the shared kube-apiserver
 * need: an admin client with the CustomPodAutoscaler definition installed, a kubeconfig file for
 * the autoscaler, and the HPA jar.
 */
final class RealApiServer {

  private RealApiServer() {}

  static KubernetesClient adminWithTheDefinition() throws IOException {
    KubernetesClient admin = SharedKubeApiServer.adminClient();
    Workloads.installDefinition(admin, ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml"));
    return admin;
  }

  /** The shared API server's admin kubeconfig, written in {@code dir}. */
  static Path kubeconfigIn(Path dir) throws IOException {
    return Files.writeString(dir.resolve("kubeconfig"), SharedKubeApiServer.kubeconfigYaml());
  }

  static Path hpaJar() {
    return JarProcess.jar("cpa.hpa.jar", "target/cpa-hpa.jar").toAbsolutePath();
  }
}
