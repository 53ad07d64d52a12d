package com.custompodautoscaler.core.decision;

/**
 * Rules that decide from the evaluation, the bounds and a window of past recommendations, without a
 * {@code behavior}: CPA v2's, or the HPA's when it has no {@code behavior}.
 */
public interface WindowPolicy {

  /** Decides the replica count for one run. */
  ScalingDecision decide(ScalingInput input);
}
