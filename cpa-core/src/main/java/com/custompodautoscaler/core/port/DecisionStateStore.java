package com.custompodautoscaler.core.port;

import com.custompodautoscaler.core.decision.DecisionState;

/**
 * Where the state decisions keep between runs (recommendations and rescales) lives, so that a
 * restart does not reset it: an autoscaler loads it once at start and saves it after every run that
 * decided.
 */
public interface DecisionStateStore {

  /** The state saved last, or {@link DecisionState#empty()} when none was saved. */
  DecisionState load();

  /** Keeps {@code state} in place of the state saved before. */
  void save(DecisionState state);
}
