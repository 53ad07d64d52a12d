package com.custompodautoscaler.bench;

import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** The objects and configurations the benchmarks work on. */
final class BenchTargets {

  private BenchTargets() {}

  /**
   * Creates namespace {@code namespace} with Deployment {@code name} selecting {@code app=name}.
   */
  static void createDeployment(
      KubernetesClient client, String namespace, String name, int replicas) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    addDeployment(client, namespace, name, replicas);
  }

  /** Creates Deployment {@code name} selecting {@code app=name} in existing {@code namespace}. */
  static void addDeployment(KubernetesClient client, String namespace, String name, int replicas) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(Map.of("app", name))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", name))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("bench.invalid/app:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  /** Creates {@code count} pods labelled {@code app=name}, as the Deployment's controller would. */
  static void createPods(KubernetesClient client, String namespace, String name, int count) {
    for (int i = 0; i < count; i++) {
      client.pods().inNamespace(namespace).resource(pod(name + "-" + i, name).build()).create();
    }
  }

  /** A pod named {@code name} labelled {@code app=app}, with one container. */
  static PodBuilder pod(String name, String app) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of("app", app))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("bench.invalid/app:1")
        .endContainer()
        .endSpec();
  }

  /** A configuration from YAML, for Deployment {@code name} in {@code namespace}. */
  static AutoscalerConfig config(String namespace, String name, String yaml) {
    String target =
        "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: "
            + name
            + "}\n"
            + "namespace: "
            + namespace
            + "\n";
    try {
      return ConfigLoader.load(target + yaml, "benchmark config", Map.of()).config();
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
