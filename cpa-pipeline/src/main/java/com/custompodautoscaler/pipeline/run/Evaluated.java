package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.decision.DecisionState;
import java.util.Optional;

/**
 * What the evaluate method's output asks for.
 *
 * @param targetReplicas the replica count
 * @param state the JSON of its {@code state}, to keep for the next run in place of the state kept
 *     before ({@code null} to keep none); empty when the output has no {@code state}, which leaves
 *     the kept state as it was
 */
record Evaluated(int targetReplicas, Optional<String> state) {

  /** {@code before} with the evaluate method's new state, when it gave one. */
  DecisionState keptOver(DecisionState before) {
    return state.isPresent()
        ? before.withLogicState(state.filter(json -> !json.equals("null")))
        : before;
  }
}
