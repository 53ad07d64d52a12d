package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.Hosting;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.List;
import java.util.Objects;

/**
 * Which updates of a CPA reconcile it: a change of the spec (a new generation), of the annotations
 * (the pause annotation) or of the host's {@code Hosted} condition, which says whether an
 * autoscaler runs a hosted CPA. Not the rest of the status, which the autoscaler changes on every
 * run.
 */
public final class ReconcileTrigger implements OnUpdateFilter<CustomPodAutoscaler> {

  @Override
  public boolean accept(CustomPodAutoscaler updated, CustomPodAutoscaler previous) {
    return !Objects.equals(
            updated.getMetadata().getGeneration(), previous.getMetadata().getGeneration())
        || !Objects.equals(
            updated.getMetadata().getAnnotations(), previous.getMetadata().getAnnotations())
        || !hosted(updated).equals(hosted(previous));
  }

  /** The {@code Hosted} condition's status, reason and message; empty when there is none. */
  private static List<String> hosted(CustomPodAutoscaler cpa) {
    return Hosting.condition(cpa).map(ReconcileTrigger::meaning).orElse(List.of());
  }

  private static List<String> meaning(Condition condition) {
    return List.of(
        String.valueOf(condition.getStatus()),
        String.valueOf(condition.getReason()),
        String.valueOf(condition.getMessage()));
  }
}
