package com.custompodautoscaler.autoscaler.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.StatusApply;
import com.custompodautoscaler.autoscaler.kubernetes.ClientErrors;
import com.custompodautoscaler.autoscaler.run.MetricFailure;
import com.custompodautoscaler.autoscaler.run.RunGoal;
import com.custompodautoscaler.autoscaler.run.RunObserver;
import com.custompodautoscaler.autoscaler.run.RunReport;
import com.custompodautoscaler.core.behavior.BehaviorState;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.TargetRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports runs to the CustomPodAutoscaler the autoscaler runs for: its part of the status, written
 * by server-side apply under its own field manager so that the operator's fields stay the
 * operator's, and events for scale-ups, scale-downs, failed runs and Kubernetes metrics that could
 * not be gathered. It also gives back, at start, the recommendations and rescales kept in the
 * status, so that a restart does not reset them. A failure to report is logged and never fails a
 * run.
 */
public final class CpaReporter implements RunObserver {

  private static final Logger log = LoggerFactory.getLogger(CpaReporter.class);
  static final String FIELD_MANAGER = "cpa-autoscaler";

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final TargetRef target;
  private final Clock clock;
  private final CpaEvents events;
  private CustomPodAutoscalerStatus written;
  private String lastProblem = "";

  private CpaReporter(
      KubernetesClient client,
      String namespace,
      String name,
      TargetRef target,
      Clock clock,
      CustomPodAutoscaler found) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.target = target;
    this.clock = clock;
    this.events = new CpaEvents(client, CpaEvents.referenceTo(found, namespace, name));
    this.written =
        found == null || found.getStatus() == null
            ? new CustomPodAutoscalerStatus()
            : found.getStatus();
  }

  /**
   * Reads the CustomPodAutoscaler {@code namespace/name}; a missing one is reported and waited for.
   */
  public static CpaReporter connect(
      KubernetesClient client, String namespace, String name, TargetRef target, Clock clock) {
    CustomPodAutoscaler found = null;
    try {
      found =
          client.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(name).get();
      if (found == null) {
        log.warn(
            "CustomPodAutoscaler {}/{} not found; starting without its stabilization window",
            namespace,
            name);
      }
    } catch (KubernetesClientException e) {
      log.warn(
          "cannot read CustomPodAutoscaler {}/{}: {}", namespace, name, ClientErrors.describe(e));
    }
    return new CpaReporter(client, namespace, name, target, clock, found);
  }

  /** The recommendations and rescales the status kept, to restore at start. */
  public BehaviorState restoredState() {
    return BehaviorStateCodec.decode(written);
  }

  @Override
  public void finished(RunReport report) {
    if (report.type() == RunType.API_DRY_RUN || report.goal() != RunGoal.SCALE) {
      return;
    }
    try {
      writeStatus(AutoscalerStatus.after(written, report, clock.instant()));
      recordEvents(report);
      lastProblem = "";
    } catch (KubernetesClientException e) {
      String problem = ClientErrors.describe(e);
      if (!problem.equals(lastProblem)) {
        log.warn("cannot report to CustomPodAutoscaler {}/{}: {}", namespace, name, problem);
        lastProblem = problem;
      }
    }
  }

  private void writeStatus(CustomPodAutoscalerStatus status) {
    StatusApply.apply(client, StatusApply.patch(namespace, name, status), FIELD_MANAGER);
    written = status;
  }

  private void recordEvents(RunReport report) {
    if (report.scaled()) {
      int from = report.currentReplicas().orElseThrow();
      int to = report.decision().orElseThrow().targetReplicas();
      events.record(
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
          "Warning",
          failure.forbidden() ? "MetricForbidden" : "FailedGetKubernetesMetric",
          failure.message(),
          clock.instant());
    }
    report
        .failure()
        .ifPresent(
            failure ->
                events.record(
                    "Warning",
                    "RunFailed",
                    Objects.toString(failure.getMessage()),
                    clock.instant()));
  }
}
