package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.autoscaler.testing.DecisionStateStoreContract;
import com.custompodautoscaler.core.port.DecisionStateStore;

/** The decision-state store of an autoscaler without a CustomPodAutoscaler. */
class InMemoryDecisionStateStoreTest extends DecisionStateStoreContract {

  @Override
  protected DecisionStateStore newStore() {
    return new InMemoryDecisionStateStore();
  }
}
