package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * The bare Pod through which the Go operator ran a CPA's autoscaler: its controller is the CPA
 * itself. The autoscaler pods of this operator belong to a ReplicaSet, and a Pod the user runs is
 * at most a plain (non-controller) dependent of the CPA, so neither is one.
 */
public final class GoOperatorPod {

  private GoOperatorPod() {}

  /** Whether {@code pod} is the Go operator's autoscaler for {@code cpa}, and not already going. */
  public static boolean isLeftOverFrom(CustomPodAutoscaler cpa, Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && controllerOf(pod)
            .filter(owner -> owner.getKind().equals(cpa.getKind()))
            .filter(owner -> owner.getName().equals(cpa.getMetadata().getName()))
            .filter(owner -> owner.getUid().equals(cpa.getMetadata().getUid()))
            .isPresent();
  }

  private static Optional<OwnerReference> controllerOf(Pod pod) {
    return Optional.ofNullable(pod.getMetadata().getOwnerReferences()).stream()
        .flatMap(owners -> owners.stream())
        .filter(owner -> Boolean.TRUE.equals(owner.getController()))
        .findFirst();
  }
}
