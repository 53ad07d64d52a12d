package com.custompodautoscaler.e2e;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.HelloWorkload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
    admin.resource(logic("getting-started-logic", Map.of())).inNamespace(namespace).create();
  }

  /**
   * ConfigMap {@code name} of the example's {@code config.yaml}, {@code metric.py} and {@code
   * evaluate.py}, with the files in {@code replaced} in place of the example's.
   */
  static ConfigMap logic(String name, Map<String, String> replaced) throws IOException {
    Map<String, String> files = new HashMap<>();
    for (String file : List.of("config.yaml", "metric.py", "evaluate.py")) {
      files.put(file, replaced.containsKey(file) ? replaced.get(file) : read(file));
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(files)
        .build();
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
            HelloWorkload.deployment(
                "hello-kubernetes", Map.of("numPods", String.valueOf(numPods)), 1))
        .inNamespace(namespace)
        .create();
  }

  /** Sets the target's {@code numPods} label. */
  static void numPods(KubernetesClient admin, String namespace, int numPods) {
    label(admin, namespace, "numPods", String.valueOf(numPods));
  }

  /** Sets the target's label {@code key} to {@code value}. */
  static void label(KubernetesClient admin, String namespace, String key, String value) {
    HelloWorkload.setLabels(admin, namespace, "hello-kubernetes", Map.of(key, value));
  }

  private static String read(String file) throws IOException {
    return Files.readString(EXAMPLE.resolve(file));
  }
}
