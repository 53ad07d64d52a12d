package com.custompodautoscaler.pipeline.assembly;

import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.pipeline.run.RunObserver;

/**
 * What a run writes goes through here: the target's scale, the decision state and the report of the
 * run. An autoscaler in a pod of its own lets everything through; a hosted one only while its
 * replica holds the CPA's shard.
 */
public interface WriteGate {

  /** Lets every write through. */
  WriteGate OPEN = new WriteGate() {};

  default ScaleClient scale(ScaleClient scale) {
    return scale;
  }

  default DecisionStateStore decisionStates(DecisionStateStore store) {
    return store;
  }

  default RunObserver observer(RunObserver observer) {
    return observer;
  }
}
