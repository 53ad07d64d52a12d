package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Map;
import java.util.Optional;

/** The objects an example scales, built from its script, and access to them by kind and name. */
final class TargetObjects {

  private static final String APPS = "apps/v1";
  private static final String IMAGE = "playground.invalid/simulated-app:1";

  private TargetObjects() {}

  /**
   * A new workload as {@code target} describes it; its pods are labelled {@code app=<name>} and
   * request {@code cpuRequest} CPU when it is given.
   */
  static HasMetadata build(ExampleScript.Target target, Optional<String> cpuRequest) {
    Map<String, String> podLabels = Map.of("app", target.name());
    var metadata =
        new ObjectMetaBuilder().withName(target.name()).withLabels(target.labels()).build();
    var selector = new LabelSelectorBuilder().withMatchLabels(podLabels).build();
    PodTemplateSpec template = template(podLabels, cpuRequest);
    if (!target.apiVersion().equals(APPS)) {
      return custom(target, metadata, podLabels);
    }
    return switch (target.kind()) {
      case "Deployment" ->
          new DeploymentBuilder()
              .withMetadata(metadata)
              .withNewSpec()
              .withReplicas(target.replicas())
              .withSelector(selector)
              .withTemplate(template)
              .endSpec()
              .build();
      case "StatefulSet" ->
          new StatefulSetBuilder()
              .withMetadata(metadata)
              .withNewSpec()
              .withReplicas(target.replicas())
              .withServiceName(target.name())
              .withSelector(selector)
              .withTemplate(template)
              .endSpec()
              .build();
      case "ReplicaSet" ->
          new ReplicaSetBuilder()
              .withMetadata(metadata)
              .withNewSpec()
              .withReplicas(target.replicas())
              .withSelector(selector)
              .withTemplate(template)
              .endSpec()
              .build();
      default ->
          throw new IllegalArgumentException(
              "the playground simulates Deployments, StatefulSets and ReplicaSets of apps/v1,"
                  + " or custom resources of other API groups, not "
                  + target.kind());
    };
  }

  /** A custom resource with {@code spec.replicas} and {@code spec.selector}, no pods simulated. */
  private static HasMetadata custom(
      ExampleScript.Target target, ObjectMeta metadata, Map<String, String> podLabels) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(target.apiVersion());
    resource.setKind(target.kind());
    resource.setMetadata(metadata);
    resource.setAdditionalProperty(
        "spec",
        Map.of("replicas", target.replicas(), "selector", Map.of("matchLabels", podLabels)));
    return resource;
  }

  /** Creates namespace {@code namespace}, for a target to live in. */
  static void createNamespace(KubernetesClient client, String namespace) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  /** The target as a generic object, to read its replicas and change its labels. */
  static Resource<GenericKubernetesResource> find(
      KubernetesClient client, String namespace, ExampleScript.Target target) {
    return client
        .genericKubernetesResources(target.apiVersion(), target.kind())
        .inNamespace(namespace)
        .withName(target.name());
  }

  private static PodTemplateSpec template(Map<String, String> labels, Optional<String> cpuRequest) {
    Map<String, Quantity> requests =
        cpuRequest.map(cpu -> Map.of("cpu", new Quantity(cpu))).orElse(Map.of());
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(IMAGE)
        .withNewResources()
        .withRequests(requests)
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }
}
