package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/**
 * Targets of real pods on the real node, and what the examples and tests do with them: the hello
 * image ({@code scripts/real-node/hello.Dockerfile}), a small web server with Python, which the
 * node's scripts build beside the project's images because no registry is reachable from the node.
 */
public final class HelloWorkload {

  /** The hello image, as the node's container runtime knows it. */
  public static final String IMAGE = "hello:0.1.0";

  private HelloWorkload() {}

  /**
   * Deployment {@code name} of {@code replicas} hello pods, selected by {@code app: name}, with
   * {@code labels} on the Deployment itself (where label-reading logic looks).
   */
  public static Deployment deployment(String name, Map<String, String> labels, int replicas) {
    Map<String, String> selector = Map.of("app", name);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(selector)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(1L)
        .addNewContainer()
        .withName("hello")
        .withImage(IMAGE)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * Sets {@code labels} on Deployment {@code name}, as {@code kubectl label --overwrite} does: a
   * merge patch, which the autoscaler's writes to the scale cannot make conflict.
   */
  public static void setLabels(
      KubernetesClient client, String namespace, String name, Map<String, String> labels) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            Serialization.asJson(Map.of("metadata", Map.of("labels", labels))));
  }

  /** The ready replicas of {@code deployment}; 0 when it is not there or reports none. */
  public static int readyReplicas(Deployment deployment) {
    return deployment == null
            || deployment.getStatus() == null
            || deployment.getStatus().getReadyReplicas() == null
        ? 0
        : deployment.getStatus().getReadyReplicas();
  }
}
