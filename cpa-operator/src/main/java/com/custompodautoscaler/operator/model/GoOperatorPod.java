package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The bare Pod through which the Go operator ran a CPA's autoscaler: its controller is the CPA
 * itself. The autoscaler pods of this operator belong to a ReplicaSet, and a Pod the user runs is
 * at most a plain (non-controller) dependent of the CPA, so neither is one.
 */
public final class GoOperatorPod {

  private GoOperatorPod() {}

  /** Whether {@code pod} is the Go operator's autoscaler for {@code cpa}, and not already going. */
  public static boolean isLeftOverFrom(CustomPodAutoscaler cpa, Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null && Ownership.isOwnedBy(pod, cpa);
  }
}
