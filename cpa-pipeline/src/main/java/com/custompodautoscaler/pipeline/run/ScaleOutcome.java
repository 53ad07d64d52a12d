package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import java.util.Objects;

/**
 * What the scale stage did: the decision, whether the decided count was applied to the target, and
 * the state for later runs to decide from (the decision's, with the rescale once one was applied).
 */
record ScaleOutcome(ReplicaDecision decision, boolean applied, DecisionState kept) {

  ScaleOutcome {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(kept, "kept");
  }

  /** A decision that changed nothing yet. */
  static ScaleOutcome decided(ReplicaDecision decision) {
    return new ScaleOutcome(decision, false, decision.state());
  }

  /** This outcome once the decided count was applied, {@code kept} remembering the rescale. */
  ScaleOutcome appliedKeeping(DecisionState kept) {
    return new ScaleOutcome(decision, true, kept);
  }
}
