package com.custompodautoscaler.core.decision;

import java.time.Instant;

/**
 * The rules a run's replica count is decided by, one of a closed set: CPA v2's bounds and downscale
 * stabilization, the HPA controller's rules for an HPA without a {@code behavior}, or an HPA {@code
 * behavior}. Pure: the state of the last decision goes in, and the decision carries the state to
 * keep, so runs, restarts and {@code simulate} all decide alike.
 */
public sealed interface DecisionRules
    permits CpaDownscaleStabilization, HpaWithoutBehavior, HpaWithBehavior {

  /** Decides the replica count for one run. */
  ReplicaDecision decide(DecisionInput input);

  /**
   * The state after the target was rescaled from {@code fromReplicas} to {@code toReplicas} at
   * {@code at}; call it only once the new count was applied. Only a {@code behavior}'s rate
   * policies remember rescales; the other rules give {@code state} back as it is.
   */
  default DecisionState afterRescale(
      DecisionState state, int fromReplicas, int toReplicas, Instant at) {
    return state;
  }
}
