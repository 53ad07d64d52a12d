package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.Conditions;
import com.custompodautoscaler.api.v1.PauseRequest;
import com.custompodautoscaler.operator.model.AutoscalerWorkload;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * The {@code Paused} condition for a pause request; when not paused, whether an autoscaler runs
 * ({@code Running}) or not ({@code NotRunning}), as its workload's status tells.
 */
final class PauseCondition {

  private PauseCondition() {}

  static Condition of(
      PauseRequest pause, AutoscalerWorkload workload, List<Condition> existing, Instant now) {
    if (pause instanceof PauseRequest.Paused paused) {
      return Conditions.condition(
          existing,
          "Paused",
          true,
          "PausedReplicas",
          "the autoscaler is stopped and the target held at " + paused.replicas() + " replicas",
          now);
    }
    String running =
        workload.ready()
            ? "the autoscaler runs: " + workload.description()
            : "no autoscaler runs: " + workload.description();
    if (pause instanceof PauseRequest.Invalid invalid) {
      return Conditions.condition(
          existing,
          "Paused",
          false,
          "InvalidPausedReplicas",
          PauseRequest.ANNOTATION
              + " is \""
              + invalid.value()
              + "\", not a whole number from 0 up, so it is not paused; "
              + running,
          now);
    }
    return Conditions.condition(
        existing,
        "Paused",
        false,
        workload.ready() ? "Running" : "NotRunning",
        "not paused; " + running,
        now);
  }
}
