package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.operator.model.TargetResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Sets the target's replicas through its {@code scale} subresource, for a pause. */
final class TargetScale {

  private TargetScale() {}

  static void hold(
      KubernetesClient client, CustomPodAutoscaler cpa, TargetResource target, int replicas) {
    ScaleTargetReference ref = cpa.getSpec().getScaleTargetRef();
    String apiVersion = ref.getApiVersion();
    ResourceDefinitionContext resource =
        new ResourceDefinitionContext.Builder()
            .withGroup(target.group())
            .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
            .withPlural(target.resource())
            .withKind(ref.getKind())
            .withNamespaced(true)
            .build();
    client
        .genericKubernetesResources(resource)
        .inNamespace(cpa.getMetadata().getNamespace())
        .withName(ref.getName())
        .scale(replicas);
  }
}
