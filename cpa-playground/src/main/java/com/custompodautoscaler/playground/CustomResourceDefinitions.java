package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Custom resource definitions from YAML files, installed on a cluster: the examples' and the
 * stand-ins' on the playground's control plane, and the CustomPodAutoscaler CRD for tests and
 * benchmarks that run the operator.
 */
public final class CustomResourceDefinitions {

  private CustomResourceDefinitions() {}

  /**
   * Applies the objects in {@code file} (server-side, as {@code fieldManager}) and waits up to 30 s
   * until the API server serves every custom resource definition among them.
   */
  public static void install(KubernetesClient client, Path file, String fieldManager)
      throws IOException {
    try (InputStream yaml = Files.newInputStream(file)) {
      install(client, yaml, fieldManager);
    }
  }

  /** As {@link #install(KubernetesClient, Path, String)}, from YAML read off {@code yaml}. */
  public static void install(KubernetesClient client, InputStream yaml, String fieldManager) {
    List<HasMetadata> objects = client.load(yaml).items();
    for (HasMetadata object : objects) {
      client.resource(object).fieldManager(fieldManager).forceConflicts().serverSideApply();
    }
    for (HasMetadata object : objects) {
      if (object instanceof CustomResourceDefinition) {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(object.getMetadata().getName())
            .waitUntilCondition(CustomResourceDefinitions::isEstablished, 30, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }
}
