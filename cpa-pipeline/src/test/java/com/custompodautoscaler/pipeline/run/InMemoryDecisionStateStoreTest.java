package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.pipeline.testing.DecisionStateStoreContract;

/** The decision-state store of an autoscaler without a CustomPodAutoscaler. */
class InMemoryDecisionStateStoreTest extends DecisionStateStoreContract {

  @Override
  protected DecisionStateStore newStore() {
    return new InMemoryDecisionStateStore();
  }
}
