package com.custompodautoscaler.pipeline.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builders of the scalable objects the tests create on a real API server. */
public final class Workloads {

  /** The custom resource with a scale subresource the tests use. */
  public static final String WIDGET_GROUP = "example.custompodautoscaler.com";

  public static final String WIDGET_API_VERSION = WIDGET_GROUP + "/v1";

  private Workloads() {}

  /**
   * A Deployment whose pod template carries {@code templateLabels}, which {@code selector} must
   * match.
   */
  public static HasMetadata deployment(
      String name, int replicas, LabelSelector selector, Map<String, String> templateLabels) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(selector)
        .withTemplate(template(templateLabels))
        .endSpec()
        .build();
  }

  public static HasMetadata deployment(String name, int replicas) {
    return deployment(name, replicas, matchLabels(Map.of("app", name)), Map.of("app", name));
  }

  /** Deployment {@code name} of {@code namespace} as it is now; null when there is none. */
  public static Deployment deploymentNow(KubernetesClient client, String namespace, String name) {
    return client.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  /** The replicas Deployment {@code name} of {@code namespace} asks for now. */
  public static int deploymentReplicas(KubernetesClient client, String namespace, String name) {
    return deploymentNow(client, namespace, name).getSpec().getReplicas();
  }

  public static HasMetadata statefulSet(String name, int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(name)
        .withSelector(matchLabels(Map.of("app", name)))
        .withTemplate(template(Map.of("app", name)))
        .endSpec()
        .build();
  }

  public static HasMetadata replicaSet(String name, int replicas) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(matchLabels(Map.of("app", name)))
        .withTemplate(template(Map.of("app", name)))
        .endSpec()
        .build();
  }

  public static HasMetadata replicationController(String name, int replicas) {
    return new ReplicationControllerBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(Map.of("app", name))
        .withTemplate(template(Map.of("app", name)))
        .endSpec()
        .build();
  }

  /** A pod that stays Pending forever (no node runs it), labelled {@code labels}. */
  public static Pod pod(String name, Map<String, String> labels, Map<String, String> annotations) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("example.invalid/app:1")
        .endContainer()
        .endSpec()
        .build();
  }

  public static LabelSelector matchLabels(Map<String, String> labels) {
    return new LabelSelectorBuilder().withMatchLabels(labels).build();
  }

  /**
   * Installs the {@code Widget} custom resource (if missing): namespaced, with a scale subresource
   * whose replicas are {@code .spec.replicas} and whose selector is {@code .spec.selector}.
   */
  public static void installWidgetDefinition(KubernetesClient client) {
    CustomResourceDefinition definition =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("widgets." + WIDGET_GROUP)
            .endMetadata()
            .withNewSpec()
            .withGroup(WIDGET_GROUP)
            .withScope("Namespaced")
            .withNewNames()
            .withKind("Widget")
            .withPlural("widgets")
            .withSingular("widget")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
            .endSchema()
            .withNewSubresources()
            .withNewScale()
            .withSpecReplicasPath(".spec.replicas")
            .withStatusReplicasPath(".status.replicas")
            .withLabelSelectorPath(".spec.selector")
            .endScale()
            .endSubresources()
            .endVersion()
            .endSpec()
            .build();
    if (client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(definition.getMetadata().getName())
            .get()
        == null) {
      client.apiextensions().v1().customResourceDefinitions().resource(definition).create();
      waitUntilEstablished(client, definition.getMetadata().getName());
    }
  }

  /**
   * Applies the custom resource definition in {@code file} (a project file such as {@code
   * deploy/crd/custompodautoscaler.yaml}) and waits until the API server serves it.
   */
  public static void installDefinition(KubernetesClient client, Path file) throws IOException {
    try (InputStream yaml = Files.newInputStream(file)) {
      CustomResourceDefinition definition =
          client.apiextensions().v1().customResourceDefinitions().load(yaml).item();
      client.resource(definition).fieldManager("cpa-tests").forceConflicts().serverSideApply();
      waitUntilEstablished(client, definition.getMetadata().getName());
    }
  }

  private static void waitUntilEstablished(KubernetesClient client, String name) {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(name)
        .waitUntilCondition(
            crd ->
                crd.getStatus() != null
                    && crd.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> c.getType().equals("Established") && c.getStatus().equals("True")),
            30,
            TimeUnit.SECONDS);
  }

  /** A Widget with {@code replicas} and selector {@code app=<name>}. */
  public static GenericKubernetesResource widget(String name, int replicas) {
    GenericKubernetesResource widget =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(WIDGET_API_VERSION)
            .withKind("Widget")
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .build();
    widget.setAdditionalProperty("spec", Map.of("replicas", replicas, "selector", "app=" + name));
    return widget;
  }

  private static PodTemplateSpec template(Map<String, String> labels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("example.invalid/app:1")
        .endContainer()
        .endSpec()
        .build();
  }
}
