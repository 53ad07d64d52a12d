package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.Conditions;
import com.custompodautoscaler.operator.model.PauseRequest;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;

/** The {@code Paused} condition for a pause request. */
final class PauseCondition {

  private PauseCondition() {}

  static Condition of(PauseRequest pause, List<Condition> existing, Instant now) {
    if (pause instanceof PauseRequest.Paused paused) {
      return Conditions.condition(
          existing,
          "Paused",
          true,
          "PausedReplicas",
          "the autoscaler is stopped and the target held at " + paused.replicas() + " replicas",
          now);
    }
    if (pause instanceof PauseRequest.Invalid invalid) {
      return Conditions.condition(
          existing,
          "Paused",
          false,
          "InvalidPausedReplicas",
          PauseRequest.ANNOTATION
              + " is \""
              + invalid.value()
              + "\", not a whole number from 0 up; the autoscaler keeps running",
          now);
    }
    return Conditions.condition(existing, "Paused", false, "Running", "the autoscaler runs", now);
  }
}
