package com.custompodautoscaler.core.behavior;

import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import java.util.Objects;

/** The replica count a run with a {@code behavior} settles on, why, and the state to keep. */
public record BehaviorDecision(int targetReplicas, DecisionReason reason, BehaviorState state)
    implements ReplicaDecision {

  public BehaviorDecision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(state, "state");
  }
}
