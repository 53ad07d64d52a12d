package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * A writer's part of a CustomPodAutoscaler's status, applied server-side to the status subresource
 * under the writer's field manager, so that the operator's and the autoscaler's fields stay apart.
 */
public final class StatusApply {

  private StatusApply() {}

  /** A CustomPodAutoscaler that holds only {@code status}, to apply to {@code namespace/name}. */
  public static CustomPodAutoscaler patch(
      String namespace, String name, CustomPodAutoscalerStatus status) {
    CustomPodAutoscaler patch = new CustomPodAutoscaler();
    patch.getMetadata().setName(name);
    patch.getMetadata().setNamespace(namespace);
    patch.setStatus(status);
    return patch;
  }

  /**
   * Applies {@code patch}'s status as {@code fieldManager}, forcing conflicts: the fields it sets
   * are that manager's alone.
   */
  public static void apply(
      KubernetesClient client, CustomPodAutoscaler patch, String fieldManager) {
    client
        .resource(patch)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(fieldManager)
                .withForce(true)
                .build());
  }
}
