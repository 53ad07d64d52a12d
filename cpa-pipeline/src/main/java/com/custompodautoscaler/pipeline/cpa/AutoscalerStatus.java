package com.custompodautoscaler.pipeline.cpa;

import static com.custompodautoscaler.api.v1.Conditions.condition;

import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.LastRun;
import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.custompodautoscaler.pipeline.run.RunException;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.run.RunStep;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The autoscaler's part of a CustomPodAutoscaler's status after a run, computed from the part it
 * wrote last: replicas, last scale time, the last run, the decision state as its store last wrote
 * it, and the HPA-like conditions {@code AbleToScale}, {@code ScalingActive} and {@code
 * ScalingLimited}, and {@code KubernetesMetricsAvailable} once a Kubernetes metric could not be
 * gathered. Pure: the time is an input.
 */
final class AutoscalerStatus {

  static final String METRICS_AVAILABLE = "KubernetesMetricsAvailable";
  private static final List<String> OWN_CONDITIONS =
      List.of("AbleToScale", "ScalingActive", "ScalingLimited", METRICS_AVAILABLE);

  /** The kinds of metric failure in the order the condition prefers to show them: cures first. */
  private static final List<MetricFailure.Kind> SHOWN_FIRST =
      List.of(
          MetricFailure.Kind.FORBIDDEN,
          MetricFailure.Kind.METRICS_API_NOT_SERVED,
          MetricFailure.Kind.FAILED);

  private AutoscalerStatus() {}

  static CustomPodAutoscalerStatus after(
      CustomPodAutoscalerStatus previous, RunReport report, Instant now) {
    CustomPodAutoscalerStatus next = new CustomPodAutoscalerStatus();
    Optional<ReplicaDecision> decision = report.decision();
    next.setCurrentReplicas(
        report.currentReplicas().isPresent()
            ? Integer.valueOf(report.currentReplicas().getAsInt())
            : previous.getCurrentReplicas());
    next.setDesiredReplicas(
        decision.map(ReplicaDecision::targetReplicas).orElse(previous.getDesiredReplicas()));
    next.setLastScaleTime(report.scaled() ? now.toString() : previous.getLastScaleTime());
    next.setLastRun(lastRun(report, now));
    // The decision state is the store's to write (CpaStatusDecisionStateStore): kept as it is.
    DecisionStateCodec.copy(previous, next);
    next.setConditions(conditions(previous.getConditions(), report, now));
    return next;
  }

  /**
   * The autoscaler's part of {@code status} with {@code state} as the decision state, the rest as
   * it was.
   */
  static CustomPodAutoscalerStatus withDecisionState(
      CustomPodAutoscalerStatus status, DecisionState state) {
    CustomPodAutoscalerStatus next = autoscalersPart(status);
    DecisionStateCodec.encodeInto(state, next);
    return next;
  }

  /** The fields of {@code status} that the autoscaler writes, without the operator's. */
  static CustomPodAutoscalerStatus autoscalersPart(CustomPodAutoscalerStatus status) {
    CustomPodAutoscalerStatus part = new CustomPodAutoscalerStatus();
    part.setCurrentReplicas(status.getCurrentReplicas());
    part.setDesiredReplicas(status.getDesiredReplicas());
    part.setLastScaleTime(status.getLastScaleTime());
    part.setLastRun(status.getLastRun());
    DecisionStateCodec.copy(status, part);
    if (status.getConditions() != null) {
      part.setConditions(
          status.getConditions().stream()
              .filter(condition -> OWN_CONDITIONS.contains(condition.getType()))
              .toList());
    }
    return part;
  }

  private static LastRun lastRun(RunReport report, Instant now) {
    LastRun run = new LastRun();
    run.setTime(now.minus(report.duration()).toString());
    run.setType(report.type().wireName());
    run.setOutcome(report.succeeded() ? "success" : "failure");
    report.evaluatedReplicas().ifPresent(run::setEvaluation);
    report
        .decision()
        .ifPresent(
            decision -> {
              run.setDecidedReplicas(decision.targetReplicas());
              run.setReason(decision.reason().wireName());
            });
    report.failure().map(RunException::getMessage).ifPresent(run::setMessage);
    return run;
  }

  private static List<Condition> conditions(
      List<Condition> previous, RunReport report, Instant now) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(ableToScale(previous, report, now));
    scalingActive(previous, report, now).ifPresent(conditions::add);
    scalingLimited(previous, report, now).ifPresent(conditions::add);
    kubernetesMetricsAvailable(previous, report, now).ifPresent(conditions::add);
    keepUnchanged(previous, conditions);
    return conditions;
  }

  private static Condition ableToScale(List<Condition> previous, RunReport report, Instant now) {
    Optional<RunStep> failed = failedStep(report);
    if (failed
        .filter(step -> step == RunStep.READ_TARGET || step == RunStep.READ_SCALE)
        .isPresent()) {
      return condition(previous, "AbleToScale", false, "FailedGetScale", failure(report), now);
    }
    if (failed.filter(step -> step == RunStep.SCALING).isPresent()) {
      return condition(previous, "AbleToScale", false, "FailedUpdateScale", failure(report), now);
    }
    Optional<DecisionReason> stabilized =
        reason(report)
            .filter(
                reason ->
                    reason == DecisionReason.DOWNSCALE_STABILIZED
                        || reason == DecisionReason.SCALE_UP_STABILIZED);
    if (stabilized.isPresent()) {
      boolean down = stabilized.get() == DecisionReason.DOWNSCALE_STABILIZED;
      return condition(
          previous,
          "AbleToScale",
          true,
          down ? "ScaleDownStabilized" : "ScaleUpStabilized",
          down
              ? "a higher recommendation in the stabilization window holds the replicas"
              : "a lower recommendation in the stabilization window holds the replicas",
          now);
    }
    String why = report.scaled() ? "SucceededRescale" : "ReadyForNewScale";
    return condition(
        previous, "AbleToScale", true, why, "the target's scale can be read and set", now);
  }

  private static Optional<Condition> scalingActive(
      List<Condition> previous, RunReport report, Instant now) {
    Optional<RunStep> failed = failedStep(report);
    if (failed.filter(step -> step == RunStep.METRICS || step == RunStep.EVALUATION).isPresent()) {
      String why = failed.get() == RunStep.METRICS ? "FailedGetMetrics" : "FailedGetEvaluation";
      return Optional.of(condition(previous, "ScalingActive", false, why, failure(report), now));
    }
    return reason(report)
        .map(
            reason ->
                reason == DecisionReason.AUTOSCALING_DISABLED
                    ? condition(
                        previous,
                        "ScalingActive",
                        false,
                        "ScalingDisabled",
                        "the target has 0 replicas and minReplicas is above 0",
                        now)
                    : condition(
                        previous,
                        "ScalingActive",
                        true,
                        "ValidEvaluation",
                        "the user logic gave a valid evaluation",
                        now));
  }

  private static Optional<Condition> scalingLimited(
      List<Condition> previous, RunReport report, Instant now) {
    return reason(report)
        .map(
            reason -> {
              Optional<String> limit = limitReason(reason);
              if (limit.isPresent()) {
                return condition(
                    previous,
                    "ScalingLimited",
                    true,
                    limit.get(),
                    reason == DecisionReason.SCALE_UP_LIMITED
                            || reason == DecisionReason.SCALE_DOWN_LIMITED
                        ? "the behavior's rate policies limit the change"
                        : "the replicas are held within minReplicas..maxReplicas",
                    now);
              }
              return condition(
                  previous,
                  "ScalingLimited",
                  false,
                  "DesiredWithinRange",
                  "the evaluation was within the bounds",
                  now);
            });
  }

  /**
   * Whether every Kubernetes metric was gathered, once one was not: False while some fail, with the
   * most telling failure (a refused permission, then a metrics API that is not served, then the
   * first) as its message and its kind as the reason; True again once all are gathered.
   */
  private static Optional<Condition> kubernetesMetricsAvailable(
      List<Condition> previous, RunReport report, Instant now) {
    List<MetricFailure> failures = report.kubernetesMetricFailures();
    if (!failures.isEmpty()) {
      MetricFailure shown =
          failures.stream()
              .min(Comparator.comparingInt(failure -> SHOWN_FIRST.indexOf(failure.kind())))
              .orElseThrow();
      String more = failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "";
      return Optional.of(
          condition(
              previous,
              METRICS_AVAILABLE,
              false,
              unavailableReason(shown.kind()),
              shown.message() + more,
              now));
    }
    boolean shownBefore =
        previous != null
            && previous.stream()
                .anyMatch(condition -> condition.getType().equals(METRICS_AVAILABLE));
    if (!report.kubernetesMetricsGathered() || !shownBefore) {
      return Optional.empty();
    }
    return Optional.of(
        condition(
            previous,
            METRICS_AVAILABLE,
            true,
            "AllGathered",
            "every Kubernetes metric was gathered",
            now));
  }

  private static String unavailableReason(MetricFailure.Kind kind) {
    return switch (kind) {
      case FORBIDDEN -> "Forbidden";
      case METRICS_API_NOT_SERVED -> "MetricsApiNotServed";
      case FAILED -> "FailedGetMetrics";
    };
  }

  /** The HPA's ScalingLimited reason for a decision that a limit shaped, if one did. */
  private static Optional<String> limitReason(DecisionReason reason) {
    return switch (reason) {
      case RAISED_TO_MIN, CURRENT_BELOW_MIN -> Optional.of("TooFewReplicas");
      case LOWERED_TO_MAX, CURRENT_ABOVE_MAX -> Optional.of("TooManyReplicas");
      case SCALE_UP_LIMITED -> Optional.of("ScaleUpLimit");
      case SCALE_DOWN_LIMITED -> Optional.of("ScaleDownLimit");
      default -> Optional.empty();
    };
  }

  private static Optional<RunStep> failedStep(RunReport report) {
    return report.failure().map(RunException::step);
  }

  private static Optional<DecisionReason> reason(RunReport report) {
    return report.decision().map(ReplicaDecision::reason);
  }

  private static String failure(RunReport report) {
    return report.failure().map(RunException::getMessage).orElse("");
  }

  /** A condition the run said nothing about (ScalingLimited after a failed run) stays as it was. */
  private static void keepUnchanged(List<Condition> previous, List<Condition> conditions) {
    if (previous == null) {
      return;
    }
    for (String type : OWN_CONDITIONS) {
      boolean reported =
          conditions.stream().anyMatch(condition -> condition.getType().equals(type));
      if (!reported) {
        previous.stream()
            .filter(condition -> condition.getType().equals(type))
            .findFirst()
            .ifPresent(conditions::add);
      }
    }
  }
}
