package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Reconciles on a change of the spec (a new generation) or of the annotations (the pause
 * annotation), but not on status changes, which the autoscaler makes on every run.
 */
public final class SpecOrAnnotationsChanged implements OnUpdateFilter<CustomPodAutoscaler> {

  @Override
  public boolean accept(CustomPodAutoscaler updated, CustomPodAutoscaler previous) {
    return !Objects.equals(
            updated.getMetadata().getGeneration(), previous.getMetadata().getGeneration())
        || !Objects.equals(
            updated.getMetadata().getAnnotations(), previous.getMetadata().getAnnotations());
  }
}
