package com.custompodautoscaler.e2e;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.autoscaler.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The getting-started example's parts for tests that need an autoscaler on the node but follow no
 * README: its {@code cpa.yaml} with another name, its logic in a ConfigMap, and a target of hello
 * pods whose {@code numPods} label the logic reads.
 */
final class GettingStartedLogic {

  private static final Path EXAMPLE = ProjectFiles.resolve("examples/getting-started");

  private GettingStartedLogic() {}

  /** The ConfigMap {@code getting-started-logic} in {@code namespace}, as the README makes it. */
  static void configMap(KubernetesClient admin, String namespace) throws IOException {
    admin
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("getting-started-logic")
                .endMetadata()
                .withData(
                    Map.of(
                        "config.yaml", read("config.yaml"),
                        "metric.py", read("metric.py"),
                        "evaluate.py", read("evaluate.py")))
                .build())
        .inNamespace(namespace)
        .create();
  }

  /** The example's {@code cpa.yaml} named {@code name}, with {@code config} entries added. */
  static CustomPodAutoscaler cpa(String name, Map<String, String> config) throws IOException {
    CustomPodAutoscaler cpa = Serialization.unmarshal(read("cpa.yaml"), CustomPodAutoscaler.class);
    cpa.getMetadata().setName(name);
    config.forEach((key, value) -> cpa.getSpec().getConfig().add(new ConfigEntry(key, value)));
    return cpa;
  }

  /**
   * Deployment {@code hello-kubernetes} of hello pods, one replica, its label at {@code numPods}.
   */
  static Deployment target(KubernetesClient admin, String namespace, int numPods) {
    return admin
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("hello-kubernetes")
                .withLabels(Map.of("numPods", String.valueOf(numPods)))
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "hello-kubernetes"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "hello-kubernetes"))
                .endMetadata()
                .withNewSpec()
                .withTerminationGracePeriodSeconds(1L)
                .addNewContainer()
                .withName("hello")
                .withImage("hello:0.1.0")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .inNamespace(namespace)
        .create();
  }

  /**
   * Sets the target's {@code numPods} label, as {@code kubectl label --overwrite} does: a merge
   * patch, which the autoscaler's writes to the scale cannot make conflict.
   */
  static void numPods(KubernetesClient admin, String namespace, int numPods) {
    admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("hello-kubernetes")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"numPods\":\"" + numPods + "\"}}}");
  }

  private static String read(String file) throws IOException {
    return Files.readString(EXAMPLE.resolve(file));
  }
}
