package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.Hosting;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;

/**
 * Whether an autoscaler host runs a hosted CPA, as the host's {@code Hosted} condition in the CPA's
 * status says; and, for a CPA that asks to be hosted but needs a pod of its own, why it cannot be.
 */
public final class HostedWorkload {

  private HostedWorkload() {}

  public static AutoscalerWorkload of(CustomPodAutoscaler cpa) {
    List<String> reasons = Hosting.needsItsOwnPod(cpa);
    if (!reasons.isEmpty()) {
      return AutoscalerWorkload.none(
          "it cannot be hosted: "
              + String.join("; ", reasons)
              + ". Set spec.hosted to false to give it a pod of its own");
    }
    Optional<Condition> hosted = Hosting.condition(cpa);
    if (hosted.isEmpty()) {
      return AutoscalerWorkload.none(
          "no autoscaler host has taken it yet; a hosted CPA needs the host installed"
              + " (docs/hosting.md)");
    }
    Condition condition = hosted.get();
    return "True".equals(condition.getStatus())
        ? new AutoscalerWorkload(true, condition.getMessage())
        : AutoscalerWorkload.none(
            "the autoscaler host cannot run it ("
                + condition.getReason()
                + "): "
                + condition.getMessage());
  }
}
