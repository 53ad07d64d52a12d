package com.custompodautoscaler.hpa.it;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.autoscaler.testing.JarProcess;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that runs the autoscaler jar with the HPA's logic on the shared kube-apiserver:
 * an admin client with the CustomPodAutoscaler definition installed, a kubeconfig file for the
 * autoscaler, and targets with their CPAs; register it as a static field with
 * {@code @RegisterExtension}.
 */
final class RealApiServer implements BeforeAllCallback, AfterAllCallback {

  private KubernetesClient admin;
  private Path kubeconfig;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    admin = SharedKubeApiServer.adminClient();
    Workloads.installDefinition(admin, ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml"));
    kubeconfig = Files.createTempFile("cpa-hpa-it", ".kubeconfig");
    Files.writeString(kubeconfig, SharedKubeApiServer.kubeconfigYaml());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    admin.close();
    Files.deleteIfExists(kubeconfig);
  }

  KubernetesClient admin() {
    return admin;
  }

  /** The shared API server's admin kubeconfig, as a file. */
  Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * A fresh namespace named after {@code prefix} holding Deployment {@code name} (1 replica) and
   * the CustomPodAutoscaler {@code name} that scales it; returns the namespace.
   */
  String targetWithItsCpa(String prefix, String name) {
    String namespace = SharedKubeApiServer.freshNamespace(admin, prefix);
    admin.resource(Workloads.deployment(name, 1)).inNamespace(namespace).create();
    admin
        .resource(
            CustomPodAutoscaler.of(
                name, new ScaleTargetReference("apps/v1", "Deployment", name), "autoscaler:1"))
        .inNamespace(namespace)
        .create();
    return namespace;
  }

  static Path hpaJar() {
    return JarProcess.jar("cpa.hpa.jar", "target/cpa-hpa.jar").toAbsolutePath();
  }
}
