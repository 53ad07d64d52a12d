package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.RunType;
import java.time.Duration;
import java.util.List;

/** Run reports as a finished scheduled run leaves them, for tests of what reads reports. */
public final class RunReports {

  private static final Duration TOOK = Duration.ofMillis(250);

  private RunReports() {}

  /** A run that read {@code current} replicas, decided and, if the decision differs, scaled. */
  public static RunReport decided(int current, int evaluated, ReplicaDecision decision) {
    return decided(current, evaluated, decision, List.of());
  }

  /**
   * As {@link #decided(int, int, ReplicaDecision)}, the Kubernetes metrics of {@code failures}
   * having failed to gather.
   */
  public static RunReport decided(
      int current, int evaluated, ReplicaDecision decision, List<MetricFailure> failures) {
    ScaleOutcome outcome = ScaleOutcome.decided(decision);
    return RunReport.builder(RunType.SCALER, RunGoal.SCALE)
        .readReplicas(current)
        .gatheredKubernetesMetrics(failures)
        .gathered(GatheredMetrics.noPods())
        .evaluated(evaluated)
        .scaled(decision.changes(current) ? outcome.appliedKeeping(decision.state()) : outcome)
        .build(TOOK);
  }

  /** A run that failed at {@code step} before it read the target's replicas. */
  public static RunReport failed(RunStep step, String detail) {
    return RunReport.builder(RunType.SCALER, RunGoal.SCALE)
        .failed(new RunException(step, detail, null))
        .build(TOOK);
  }

  /**
   * A run that read {@code current} replicas and gathered the Kubernetes metrics, those of {@code
   * failures} failing, then failed at {@code step}.
   */
  public static RunReport failedAfterGathering(
      int current, List<MetricFailure> failures, RunStep step, String detail) {
    return RunReport.builder(RunType.SCALER, RunGoal.SCALE)
        .readReplicas(current)
        .gatheredKubernetesMetrics(failures)
        .failed(new RunException(step, detail, null))
        .build(TOOK);
  }

  /** A run that read {@code current} replicas, then failed at {@code step}. */
  public static RunReport failed(int current, RunStep step, String detail) {
    return RunReport.builder(RunType.SCALER, RunGoal.SCALE)
        .readReplicas(current)
        .failed(new RunException(step, detail, null))
        .build(TOOK);
  }
}
