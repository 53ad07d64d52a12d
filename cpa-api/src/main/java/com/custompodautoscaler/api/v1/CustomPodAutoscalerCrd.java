package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The CustomPodAutoscaler CRD ({@code deploy/crd/custompodautoscaler.yaml}) on a cluster. */
public final class CustomPodAutoscalerCrd {

  /** The CRD's name. */
  public static final String NAME = "custompodautoscalers." + CustomPodAutoscaler.GROUP;

  private CustomPodAutoscalerCrd() {}

  /**
   * Applies the CRD in {@code file} (server-side, as {@code fieldManager}) and waits up to 30 s
   * until the API server serves it.
   */
  public static void install(KubernetesClient client, Path file, String fieldManager)
      throws IOException {
    try (InputStream crd = Files.newInputStream(file)) {
      for (HasMetadata object : client.load(crd).items()) {
        client.resource(object).fieldManager(fieldManager).forceConflicts().serverSideApply();
      }
    }
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(NAME)
        .waitUntilCondition(CustomPodAutoscalerCrd::isEstablished, 30, TimeUnit.SECONDS);
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
  }
}
