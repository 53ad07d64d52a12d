package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What may run the autoscaler when {@code provisionPod: false} leaves it to the user: a Deployment
 * named after the CPA, or, as under the Go operator, a bare Pod named after the CPA or after its
 * template's {@code metadata.name}. Only their kinds and names matter.
 */
public final class UserWorkloads {

  private UserWorkloads() {}

  public static List<HasMetadata> acceptedFor(CustomPodAutoscaler cpa) {
    String name = cpa.getMetadata().getName();
    String namespace = cpa.getMetadata().getNamespace();
    List<HasMetadata> accepted = new ArrayList<>();
    accepted.add(
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .build());
    accepted.add(pod(name, namespace));
    Optional.ofNullable(cpa.getSpec().getTemplate().getMetadata())
        .map(ObjectMeta::getName)
        .filter(podName -> !podName.isBlank() && !podName.equals(name))
        .ifPresent(podName -> accepted.add(pod(podName, namespace)));
    return accepted;
  }

  private static HasMetadata pod(String name, String namespace) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .build();
  }
}
