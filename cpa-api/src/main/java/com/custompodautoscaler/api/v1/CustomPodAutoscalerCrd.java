package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;

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
    CustomResourceDefinitions.install(client, file, fieldManager);
  }
}
