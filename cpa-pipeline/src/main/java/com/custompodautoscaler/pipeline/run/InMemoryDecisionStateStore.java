package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.port.DecisionStateStore;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The decision state in memory, for an autoscaler without a CustomPodAutoscaler to keep it in: it
 * lasts as long as the process.
 */
public final class InMemoryDecisionStateStore implements DecisionStateStore {

  private final AtomicReference<DecisionState> saved;

  /** A store with nothing saved yet. */
  public InMemoryDecisionStateStore() {
    this(DecisionState.empty());
  }

  /** A store holding {@code state}, as if it had been saved. */
  public InMemoryDecisionStateStore(DecisionState state) {
    this.saved = new AtomicReference<>(Objects.requireNonNull(state, "state"));
  }

  @Override
  public DecisionState load() {
    return saved.get();
  }

  @Override
  public void save(DecisionState state) {
    saved.set(Objects.requireNonNull(state, "state"));
  }
}
