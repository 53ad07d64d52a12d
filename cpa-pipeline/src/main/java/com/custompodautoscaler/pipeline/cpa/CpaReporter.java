package com.custompodautoscaler.pipeline.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscalerEvents;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.pipeline.kubernetes.ClientErrors;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunObserver;
import com.custompodautoscaler.pipeline.run.RunReport;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports runs to the CustomPodAutoscaler the autoscaler runs for: its part of the status (see
 * {@link CpaConnection}), and events for scale-ups, scale-downs, failed runs and Kubernetes metrics
 * that could not be gathered. The decision state in the status is the {@link
 * CpaStatusDecisionStateStore}'s to save; a report writes it as the store last saved it, in the
 * same request. A failure to report is logged and never fails a run.
 */
public final class CpaReporter implements RunObserver {

  private static final Logger log = LoggerFactory.getLogger(CpaReporter.class);

  private final CpaConnection cpa;
  private final TargetRef target;
  private final Clock clock;
  private static final String COMPONENT = "cpa-autoscaler";

  private final CustomPodAutoscalerEvents events;
  private String lastProblem = "";

  CpaReporter(CpaConnection cpa, TargetRef target, Clock clock) {
    this.cpa = cpa;
    this.target = target;
    this.clock = clock;
    this.events = new CustomPodAutoscalerEvents(cpa.client(), COMPONENT);
  }

  @Override
  public void finished(RunReport report) {
    try {
      if (report.type() == RunType.API_DRY_RUN || report.goal() != RunGoal.SCALE) {
        // Not reported, but a decision state the run saved is written: nothing when none was.
        cpa.write(cpa.current());
        return;
      }
      cpa.write(AutoscalerStatus.after(cpa.current(), report, clock.instant()));
      recordEvents(report);
      lastProblem = "";
    } catch (KubernetesClientException e) {
      String problem = ClientErrors.describe(e);
      if (!problem.equals(lastProblem)) {
        log.warn("cannot report to CustomPodAutoscaler {}: {}", cpa.describe(), problem);
        lastProblem = problem;
      }
    }
  }

  private void recordEvents(RunReport report) {
    if (report.scaled()) {
      int from = report.currentReplicas().orElseThrow();
      int to = report.decision().orElseThrow().targetReplicas();
      events.record(
          cpa.reference(),
          "Normal",
          to > from ? "ScaledUp" : "ScaledDown",
          "scaled "
              + target.describe()
              + " from "
              + from
              + " to "
              + to
              + " ("
              + report.decision().orElseThrow().reason().wireName()
              + ")",
          clock.instant());
    }
    for (MetricFailure failure : report.kubernetesMetricFailures()) {
      events.record(
          cpa.reference(),
          "Warning",
          eventReason(failure.kind()),
          failure.message(),
          clock.instant());
    }
    report
        .failure()
        .ifPresent(
            failure ->
                events.record(
                    cpa.reference(),
                    "Warning",
                    "RunFailed",
                    Objects.toString(failure.getMessage()),
                    clock.instant()));
  }

  private static String eventReason(MetricFailure.Kind kind) {
    return switch (kind) {
      case FORBIDDEN -> "MetricForbidden";
      case METRICS_API_NOT_SERVED -> "MetricsApiNotServed";
      case FAILED -> "FailedGetKubernetesMetric";
    };
  }
}
