package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.RunType;
import java.time.Duration;
import java.util.List;

/** Run reports as a finished scheduled run leaves them, for tests of what reads reports. */
public final class RunReports {

  private RunReports() {}

  /** A run that read {@code current} replicas, decided and, if the decision differs, scaled. */
  public static RunReport decided(int current, int evaluated, ReplicaDecision decision) {
    RunReport report = new RunReport(RunType.SCALER, RunGoal.SCALE);
    report.readCurrentReplicas(current);
    report.gatheredMetrics(List.of());
    report.evaluated(evaluated);
    report.decided(decision);
    report.kept(decision.state());
    if (decision.changes(current)) {
      report.appliedReplicas();
    }
    report.finished(Duration.ofMillis(250));
    return report;
  }

  /**
   * {@code report}, whose metric stage could not gather the Kubernetes metrics of {@code failures}.
   */
  public static RunReport missing(RunReport report, List<MetricFailure> failures) {
    report.kubernetesMetricsFailed(failures);
    return report;
  }

  /** A run that failed at {@code step}, having read {@code current} replicas if not null. */
  public static RunReport failed(Integer current, RunStep step, String detail) {
    RunReport report = new RunReport(RunType.SCALER, RunGoal.SCALE);
    if (current != null) {
      report.readCurrentReplicas(current);
    }
    report.failed(new RunException(step, detail, null));
    report.finished(Duration.ofMillis(250));
    return report;
  }
}
