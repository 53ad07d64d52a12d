package com.custompodautoscaler.pipeline.cpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.LastRun;
import com.custompodautoscaler.core.behavior.ScaleEvent;
import com.custompodautoscaler.core.behavior.ScaleEvents;
import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.run.RunReports;
import com.custompodautoscaler.pipeline.run.RunStep;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AutoscalerStatusTest {

  private static final Instant EARLIER = Instant.parse("2026-11-28T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final MetricFailure REFUSED =
      new MetricFailure(
          "failed to get external metric: 403; add {apiGroups: [\"external.metrics.k8s.io\"]}",
          MetricFailure.Kind.FORBIDDEN);
  private static final MetricFailure NOT_SERVED =
      new MetricFailure(
          "failed to get resource metric: 404 page not found; the resource metrics API"
              + " (metrics.k8s.io) is not served by this cluster: install metrics-server",
          MetricFailure.Kind.METRICS_API_NOT_SERVED);
  private static final MetricFailure UNAVAILABLE =
      MetricFailure.failed("failed to get pods metric: 503");

  @Test
  void aFirstRunThatScalesFillsEveryField() {
    RunReport report = RunReports.decided(2, 5, decision(5, DecisionReason.AS_EVALUATED));

    CustomPodAutoscalerStatus status =
        AutoscalerStatus.after(new CustomPodAutoscalerStatus(), report, NOW);

    assertThat(status.getCurrentReplicas()).isEqualTo(2);
    assertThat(status.getDesiredReplicas()).isEqualTo(5);
    assertThat(status.getLastScaleTime()).isEqualTo(NOW.toString());
    LastRun run = status.getLastRun();
    assertThat(run.getTime()).as("when the run started").isEqualTo("2026-11-28T09:59:59.750Z");
    assertThat(run.getType()).isEqualTo("scaler");
    assertThat(run.getOutcome()).isEqualTo("success");
    assertThat(run.getEvaluation()).isEqualTo(5);
    assertThat(run.getDecidedReplicas()).isEqualTo(5);
    assertThat(run.getReason()).isEqualTo("as_evaluated");
    assertThat(run.getMessage()).isNull();
    assertThat(status.getStabilizationWindow())
        .as("the decision state is its store's to write")
        .isNull();
    assertThat(status.getConditions())
        .extracting(Condition::getType, Condition::getStatus, Condition::getReason)
        .containsExactly(
            tuple("AbleToScale", "True", "SucceededRescale"),
            tuple("ScalingActive", "True", "ValidEvaluation"),
            tuple("ScalingLimited", "False", "DesiredWithinRange"));
    assertThat(status.getConditions())
        .allSatisfy(
            condition -> assertThat(condition.getLastTransitionTime()).isEqualTo(NOW.toString()));
  }

  @Test
  void aConditionKeepsItsTransitionTimeUntilItsStatusChanges() {
    CustomPodAutoscalerStatus previous =
        AutoscalerStatus.after(
            new CustomPodAutoscalerStatus(),
            RunReports.decided(2, 5, decision(5, DecisionReason.AS_EVALUATED)),
            EARLIER);

    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(
            previous, RunReports.decided(5, 20, decision(10, DecisionReason.LOWERED_TO_MAX)), NOW);

    assertThat(condition(next, "AbleToScale").getReason()).isEqualTo("SucceededRescale");
    assertThat(condition(next, "AbleToScale").getLastTransitionTime())
        .isEqualTo(EARLIER.toString());
    assertThat(condition(next, "ScalingLimited").getStatus()).isEqualTo("True");
    assertThat(condition(next, "ScalingLimited").getReason()).isEqualTo("TooManyReplicas");
    assertThat(condition(next, "ScalingLimited").getLastTransitionTime()).isEqualTo(NOW.toString());
  }

  @Test
  void aFailedRunKeepsWhatItCouldNotLearnAndSaysWhatFailed() {
    CustomPodAutoscalerStatus previous =
        AutoscalerStatus.after(
            AutoscalerStatus.withDecisionState(
                new CustomPodAutoscalerStatus(), decision(1, DecisionReason.AS_EVALUATED).state()),
            RunReports.decided(2, 1, decision(1, DecisionReason.RAISED_TO_MIN)),
            EARLIER);

    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(
            previous, RunReports.failed(3, RunStep.METRICS, "exit status 1"), NOW);

    assertThat(next.getCurrentReplicas()).as("read before the failure").isEqualTo(3);
    assertThat(next.getDesiredReplicas()).isEqualTo(previous.getDesiredReplicas());
    assertThat(next.getLastScaleTime()).isEqualTo(previous.getLastScaleTime());
    assertThat(next.getStabilizationWindow())
        .as("the window is kept for the next run")
        .isEqualTo(previous.getStabilizationWindow());
    assertThat(next.getLastRun().getOutcome()).isEqualTo("failure");
    assertThat(next.getLastRun().getMessage()).isEqualTo("failed to get metrics: exit status 1");
    assertThat(next.getLastRun().getDecidedReplicas()).isNull();
    Condition active = condition(next, "ScalingActive");
    assertThat(active.getStatus()).isEqualTo("False");
    assertThat(active.getReason()).isEqualTo("FailedGetMetrics");
    assertThat(active.getMessage()).isEqualTo("failed to get metrics: exit status 1");
    assertThat(condition(next, "ScalingLimited"))
        .as("a run that decided nothing leaves ScalingLimited as it was")
        .isEqualTo(condition(previous, "ScalingLimited"));
  }

  @Test
  void aKubernetesMetricThatFailsIsShownUntilEveryMetricIsGatheredAgain() {
    RunReport missing =
        RunReports.decided(2, 2, decision(2, DecisionReason.AS_EVALUATED), List.of(NOT_SERVED));

    CustomPodAutoscalerStatus failing =
        AutoscalerStatus.after(new CustomPodAutoscalerStatus(), missing, EARLIER);
    CustomPodAutoscalerStatus recovered =
        AutoscalerStatus.after(
            failing, RunReports.decided(2, 2, decision(2, DecisionReason.AS_EVALUATED)), NOW);

    assertThat(condition(failing, "KubernetesMetricsAvailable"))
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("False", "MetricsApiNotServed", NOT_SERVED.message());
    assertThat(failing.getLastRun().getOutcome()).as("the run went on").isEqualTo("success");
    assertThat(condition(recovered, "KubernetesMetricsAvailable"))
        .extracting(Condition::getStatus, Condition::getReason, Condition::getLastTransitionTime)
        .containsExactly("True", "AllGathered", NOW.toString());
  }

  @Test
  void aRunThatFailsAfterGatheringTheKubernetesMetricsStillSaysWhetherTheyWereGathered() {
    CustomPodAutoscalerStatus failing =
        AutoscalerStatus.after(
            new CustomPodAutoscalerStatus(),
            RunReports.failedAfterGathering(
                2, List.of(NOT_SERVED), RunStep.METRICS, "failed to gather metrics: exit status 1"),
            EARLIER);
    CustomPodAutoscalerStatus recovered =
        AutoscalerStatus.after(
            failing,
            RunReports.failedAfterGathering(
                2, List.of(), RunStep.METRICS, "failed to gather metrics: exit status 1"),
            NOW);

    assertThat(condition(failing, "KubernetesMetricsAvailable"))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "MetricsApiNotServed");
    assertThat(condition(recovered, "KubernetesMetricsAvailable"))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("True", "AllGathered");
  }

  /** The Kubernetes metrics one run could not gather, and the condition's reason and message. */
  record UnavailableCase(String name, List<MetricFailure> failures, String reason, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<UnavailableCase> unavailableKubernetesMetrics() {
    return Stream.of(
        new UnavailableCase(
            "a metric that failed is FailedGetMetrics",
            List.of(UNAVAILABLE),
            "FailedGetMetrics",
            UNAVAILABLE.message()),
        new UnavailableCase(
            "a metrics API that is not served says what to install",
            List.of(NOT_SERVED),
            "MetricsApiNotServed",
            NOT_SERVED.message()),
        new UnavailableCase(
            "a metrics API that is not served is shown before other failures",
            List.of(UNAVAILABLE, NOT_SERVED),
            "MetricsApiNotServed",
            NOT_SERVED.message() + " (and 1 more)"),
        new UnavailableCase(
            "a refused permission is shown before anything else",
            List.of(UNAVAILABLE, NOT_SERVED, REFUSED),
            "Forbidden",
            REFUSED.message() + " (and 2 more)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unavailableKubernetesMetrics")
  void kubernetesMetricsThatFailShowTheMostTellingFailure(UnavailableCase run) {
    RunReport report =
        RunReports.decided(2, 2, decision(2, DecisionReason.AS_EVALUATED), run.failures());

    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(new CustomPodAutoscalerStatus(), report, NOW);

    assertThat(condition(next, "KubernetesMetricsAvailable"))
        .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly("False", run.reason(), run.message());
  }

  /** One run from an empty status, and the condition it must set. */
  record ConditionCase(String name, RunReport report, String type, String status, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ConditionCase> oneRunsConditions() {
    return Stream.of(
        new ConditionCase(
            "a failed scale is not able to scale",
            RunReports.failed(2, RunStep.SCALING, "forbidden"),
            "AbleToScale",
            "False",
            "FailedUpdateScale"),
        new ConditionCase(
            "a stabilized downscale says so",
            RunReports.decided(5, 1, decision(5, DecisionReason.DOWNSCALE_STABILIZED)),
            "AbleToScale",
            "True",
            "ScaleDownStabilized"),
        new ConditionCase(
            "a stabilized scale-up says so",
            RunReports.decided(2, 6, decision(2, DecisionReason.SCALE_UP_STABILIZED)),
            "AbleToScale",
            "True",
            "ScaleUpStabilized"),
        new ConditionCase(
            "a rate-limited scale-up is limited as the HPA's",
            RunReports.decided(2, 9, decision(4, DecisionReason.SCALE_UP_LIMITED)),
            "ScalingLimited",
            "True",
            "ScaleUpLimit"),
        new ConditionCase(
            "a rate-limited scale-down is limited as the HPA's",
            RunReports.decided(9, 1, decision(5, DecisionReason.SCALE_DOWN_LIMITED)),
            "ScalingLimited",
            "True",
            "ScaleDownLimit"),
        new ConditionCase(
            "a target above the maximum has too many replicas",
            RunReports.decided(12, 12, decision(10, DecisionReason.CURRENT_ABOVE_MAX)),
            "ScalingLimited",
            "True",
            "TooManyReplicas"),
        new ConditionCase(
            "a target below the minimum has too few replicas",
            RunReports.decided(1, 1, decision(2, DecisionReason.CURRENT_BELOW_MIN)),
            "ScalingLimited",
            "True",
            "TooFewReplicas"),
        new ConditionCase(
            "a target at zero with a minimum above zero is not scaling active",
            RunReports.decided(0, 3, decision(0, DecisionReason.AUTOSCALING_DISABLED)),
            "ScalingActive",
            "False",
            "ScalingDisabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneRunsConditions")
  void aRunSetsTheConditionAsTheHpaWould(ConditionCase run) {
    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(new CustomPodAutoscalerStatus(), run.report(), NOW);

    assertThat(condition(next, run.type()))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly(run.status(), run.reason());
  }

  @Test
  void aTargetThatCannotBeReadIsNotAbleToScale() {
    CustomPodAutoscalerStatus previous = new CustomPodAutoscalerStatus();
    previous.setCurrentReplicas(4);

    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(previous, RunReports.failed(RunStep.READ_TARGET, "not found"), NOW);

    assertThat(next.getCurrentReplicas()).isEqualTo(4);
    assertThat(condition(next, "AbleToScale").getStatus()).isEqualTo("False");
    assertThat(condition(next, "AbleToScale").getReason()).isEqualTo("FailedGetScale");
  }

  @Test
  void aFirstRunThatCannotReadItsTargetLeavesTheReplicasUnknown() {
    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(
            new CustomPodAutoscalerStatus(),
            RunReports.failed(RunStep.READ_TARGET, "not found"),
            NOW);

    assertThat(next.getCurrentReplicas()).isNull();
    assertThat(next.getDesiredReplicas()).isNull();
    assertThat(next.getLastRun().getOutcome()).isEqualTo("failure");
  }

  @Test
  void aStabilizedDownscaleScalesNothing() {
    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(
            new CustomPodAutoscalerStatus(),
            RunReports.decided(5, 1, decision(5, DecisionReason.DOWNSCALE_STABILIZED)),
            NOW);

    assertThat(next.getLastScaleTime()).as("nothing was scaled").isNull();
  }

  @Test
  void theRescalesOfTheBehaviorAreKeptBesideTheWindow() {
    Instant scaled = NOW.minusSeconds(20);
    DecisionState state =
        new DecisionState(
            new RecommendationHistory(List.of(new Recommendation(NOW, 4))),
            new ScaleEvents(List.of(new ScaleEvent(scaled, 2))),
            new ScaleEvents(List.of()));

    CustomPodAutoscalerStatus next =
        AutoscalerStatus.withDecisionState(new CustomPodAutoscalerStatus(), state);

    assertThat(next.getScaleUpEvents())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getTime()).isEqualTo(scaled.toString());
              assertThat(event.getReplicaChange()).isEqualTo(2);
            });
    assertThat(next.getScaleDownEvents()).isEmpty();
    assertThat(DecisionStateCodec.decode(next)).isEqualTo(state);
  }

  @Test
  void aReportKeepsTheDecisionStateItsStoreWrote() {
    DecisionState saved = decision(4, DecisionReason.AS_EVALUATED).state();
    CustomPodAutoscalerStatus previous =
        AutoscalerStatus.withDecisionState(new CustomPodAutoscalerStatus(), saved);

    CustomPodAutoscalerStatus next =
        AutoscalerStatus.after(
            previous, RunReports.decided(2, 7, decision(7, DecisionReason.AS_EVALUATED)), NOW);

    assertThat(DecisionStateCodec.decode(next)).isEqualTo(saved);
  }

  @Test
  void savingTheDecisionStateKeepsTheRestOfTheAutoscalersPartAndLeavesTheOperatorsOut() {
    CustomPodAutoscalerStatus found =
        AutoscalerStatus.after(
            new CustomPodAutoscalerStatus(),
            RunReports.decided(2, 5, decision(5, DecisionReason.AS_EVALUATED)),
            EARLIER);
    found.setObservedGeneration(3L);
    found.setAddedRoleRules(1);
    found.setConditions(
        Stream.concat(
                found.getConditions().stream(),
                Stream.of(new ConditionBuilder().withType("Ready").withStatus("True").build()))
            .toList());
    DecisionState state = decision(2, DecisionReason.AS_EVALUATED).state();

    CustomPodAutoscalerStatus saved = AutoscalerStatus.withDecisionState(found, state);

    assertThat(DecisionStateCodec.decode(saved)).isEqualTo(state);
    assertThat(saved.getCurrentReplicas()).isEqualTo(2);
    assertThat(saved.getDesiredReplicas()).isEqualTo(5);
    assertThat(saved.getLastScaleTime()).isEqualTo(found.getLastScaleTime());
    assertThat(saved.getLastRun()).isEqualTo(found.getLastRun());
    assertThat(saved.getObservedGeneration()).as("the operator's").isNull();
    assertThat(saved.getAddedRoleRules()).as("the operator's").isNull();
    assertThat(saved.getConditions())
        .extracting(Condition::getType)
        .containsExactly("AbleToScale", "ScalingActive", "ScalingLimited");
  }

  private static ReplicaDecision decision(int replicas, DecisionReason reason) {
    return new ReplicaDecision(
        replicas,
        reason,
        DecisionState.empty()
            .withRecommendations(
                new RecommendationHistory(List.of(new Recommendation(NOW, replicas)))));
  }

  private static Condition condition(CustomPodAutoscalerStatus status, String type) {
    return status.getConditions().stream()
        .filter(condition -> condition.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition"));
  }
}
