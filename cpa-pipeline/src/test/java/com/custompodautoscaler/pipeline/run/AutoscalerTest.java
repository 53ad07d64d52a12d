package com.custompodautoscaler.pipeline.run;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.core.behavior.ScaleEvent;
import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoscalerTest {

  /** Scales up by at most 2 pods a minute. */
  private static final String TWO_PODS_A_MINUTE =
      "runMode: per-resource\n"
          + "behavior:\n"
          + "  scaleUp:\n"
          + "    policies: [{type: Pods, value: 2, periodSeconds: 60}]\n";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<RunReport> observed = new ArrayList<>();
  private final InMemoryDecisionStateStore decisionStates = new InMemoryDecisionStateStore();
  private Autoscaler autoscaler;

  @AfterEach
  void close() {
    if (autoscaler != null) {
      autoscaler.close();
    }
  }

  @Test
  void perResourceCallsTheMetricOnceWithTheTargetAndEvaluates() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "test value")
            .answering(Stage.EVALUATE, "{\"targetReplicas\": 5}");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(report.succeeded()).isTrue();
    assertThat(logic.documentsFor(Stage.METRIC))
        .containsExactly("{\"resource\":" + cluster.target().json() + ",\"runType\":\"scaler\"}");
    assertThat(logic.documentsFor(Stage.EVALUATE))
        .containsExactly(
            "{\"metrics\":[{\"resource\":\"web\",\"value\":\"test value\"}],\"resource\":"
                + cluster.target().json()
                + ",\"runType\":\"scaler\"}");
    assertThat(cluster.replicaWrites()).containsExactly(5);
    assertThat(report.scaled()).isTrue();
    assertThat(cluster.podQueries()).as("per-resource mode lists no pods").isEmpty();
  }

  @Test
  void perPodCallsTheMetricOncePerPodInOrderAndHooksSeeTheTarget() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2).withPods("first pod", "second pod");
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.PRE_METRIC, "")
            .answering(Stage.METRIC, document -> document.contains("first") ? "1" : "2")
            .answering(Stage.POST_METRIC, "")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");

    RunReport report = run(config("runMode: per-pod\n"), cluster, logic);

    assertThat(report.metrics().orElseThrow().list())
        .containsExactly(
            new ResourceMetric("first pod", "1"), new ResourceMetric("second pod", "2"));
    assertThat(logic.documentsFor(Stage.PRE_METRIC))
        .containsExactly("{\"resource\":" + cluster.target().json() + ",\"runType\":\"scaler\"}");
    assertThat(logic.documentsFor(Stage.METRIC))
        .as("calls run in parallel, so in any order; the results keep pod order")
        .containsExactlyInAnyOrder(
            "{\"resource\":{\"metadata\":{\"name\":\"first pod\"}},\"runType\":\"scaler\"}",
            "{\"resource\":{\"metadata\":{\"name\":\"second pod\"}},\"runType\":\"scaler\"}");
    assertThat(logic.documentsFor(Stage.POST_METRIC))
        .containsExactly(
            "{\"resource\":"
                + cluster.target().json()
                + ",\"metrics\":[{\"resource\":\"first pod\",\"value\":\"1\"},"
                + "{\"resource\":\"second pod\",\"value\":\"2\"}],\"runType\":\"scaler\"}");
    assertThat(cluster.podQueries()).containsExactly("test app=web");
  }

  @Test
  void perPodWithNoPodsEvaluatesNullMetrics() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "never")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");

    RunReport report = run(config(""), cluster, logic);

    assertThat(report.metrics()).contains(GatheredMetrics.noPods());
    assertThat(logic.documentsFor(Stage.EVALUATE).get(0)).startsWith("{\"metrics\":null,");
    assertThat(logic.documentsFor(Stage.METRIC)).isEmpty();
  }

  @Test
  void perPodWithoutAScaleSelectorFindsNoPods() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2).withPods("stranger").withSelector("");
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "never")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");

    RunReport report = run(config(""), cluster, logic);

    assertThat(report.metrics()).contains(GatheredMetrics.noPods());
    assertThat(cluster.podQueries()).isEmpty();
  }

  @Test
  void anEmptyMetricValueIsLeftOut() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");

    run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(logic.documentsFor(Stage.EVALUATE).get(0))
        .startsWith("{\"metrics\":[{\"resource\":\"web\"}],");
  }

  @Test
  void callsTheStagesAndHooksInCpaOrder() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic = new ScriptedUserLogic();
    for (Stage stage : Stage.values()) {
      logic.answering(stage, "");
    }
    logic.answering(Stage.EVALUATE, "{\"targetReplicas\":4}");

    run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(logic.stagesCalled()).containsExactly(Stage.values());
  }

  @Test
  void postEvaluateReceivesTheEvaluation() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        evaluating("{\"targetReplicas\":3}").answering(Stage.POST_EVALUATE, "");

    run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(logic.documentsFor(Stage.POST_EVALUATE))
        .containsExactly(
            "{\"metrics\":[{\"resource\":\"web\",\"value\":\"m\"}],\"resource\":"
                + cluster.target().json()
                + ",\"evaluation\":{\"targetReplicas\":3},\"runType\":\"scaler\"}");
  }

  @Test
  void scaleHooksReceiveTheFinalAndRawCountsAndTheSameDocument() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        evaluating("{\"targetReplicas\":10}")
            .answering(Stage.PRE_SCALE, "")
            .answering(Stage.POST_SCALE, "");

    run(config("runMode: per-resource\nmaxReplicas: 5\n"), cluster, logic);

    String expected =
        "{\"evaluation\":{\"targetReplicas\":5},\"resource\":"
            + cluster.target().json()
            + ",\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"},"
            + "\"namespace\":\"test\",\"minReplicas\":1,\"maxReplicas\":5,\"targetReplicas\":10,"
            + "\"currentReplicas\":2,\"runType\":\"scaler\"}";
    assertThat(logic.documentsFor(Stage.PRE_SCALE)).containsExactly(expected);
    assertThat(logic.documentsFor(Stage.POST_SCALE)).containsExactly(expected);
    assertThat(cluster.replicaWrites()).containsExactly(5);
  }

  @Test
  void noChangeSendsNothingButStillRunsPostScale() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":3}").answering(Stage.POST_SCALE, "");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(cluster.replicaWrites()).isEmpty();
    assertThat(report.scaled()).isFalse();
    assertThat(logic.documentsFor(Stage.POST_SCALE)).hasSize(1);
  }

  @Test
  void aTargetWithZeroReplicasAndMinAboveZeroIsLeftAloneWithoutHooks() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 0);
    ScriptedUserLogic logic =
        evaluating("{\"targetReplicas\":3}")
            .answering(Stage.PRE_SCALE, "")
            .answering(Stage.POST_SCALE, "");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(report.decision().orElseThrow().reason())
        .isEqualTo(DecisionReason.AUTOSCALING_DISABLED);
    assertThat(report.decision().orElseThrow().targetReplicas()).isZero();
    assertThat(cluster.replicaWrites()).isEmpty();
    assertThat(logic.documentsFor(Stage.PRE_SCALE)).isEmpty();
    assertThat(logic.documentsFor(Stage.POST_SCALE)).isEmpty();
  }

  @Test
  void scalesToAndFromZeroWhenMinIsZero() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 5);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":0}");
    AutoscalerConfig zeroAllowed = config("runMode: per-resource\nminReplicas: 0\n");

    run(zeroAllowed, cluster, logic);
    logic.answering(Stage.EVALUATE, "{\"targetReplicas\":3}");
    autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    assertThat(cluster.replicaWrites()).containsExactly(0, 3);
  }

  @Test
  void stabilizationHoldsADownscaleUntilTheWindowPasses() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":5}");
    run(config("runMode: per-resource\ndownscaleStabilization: 60\n"), cluster, logic);

    logic.answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    clock.advance(Duration.ofSeconds(10));
    RunReport held = autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    clock.advance(Duration.ofSeconds(51));
    RunReport released = autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    assertThat(held.decision().orElseThrow().reason())
        .isEqualTo(DecisionReason.DOWNSCALE_STABILIZED);
    assertThat(released.decision().orElseThrow().targetReplicas()).isEqualTo(2);
    assertThat(cluster.replicaWrites()).containsExactly(5, 2);
  }

  @Test
  void aBehaviorLimitsTheRateAndCountsOnlyAppliedRescales() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":9}");

    RunReport first = run(config(TWO_PODS_A_MINUTE), cluster, logic);
    clock.advance(Duration.ofSeconds(30));
    RunReport second = autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    clock.advance(Duration.ofSeconds(31));
    RunReport third = autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    assertThat(first.decision().orElseThrow().reason()).isEqualTo(DecisionReason.SCALE_UP_LIMITED);
    assertThat(second.decision().orElseThrow().targetReplicas())
        .as("2 pods were added inside the 60 s period")
        .isEqualTo(4);
    assertThat(third.decision().orElseThrow().targetReplicas()).isEqualTo(6);
    assertThat(cluster.replicaWrites()).containsExactly(4, 6);
    assertThat(decisionStates.load().scaleUpEvents().events())
        .as("the first rescale left the 60 s period, so the second took its slot")
        .containsExactly(new ScaleEvent(clock.instant(), 2));
  }

  @Test
  void scheduledRunsDecideAsOfTheirTicksSoAPeriodOfTicksFreesTheRatePolicy() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":9}");
    autoscaler =
        new Autoscaler(
            config(TWO_PODS_A_MINUTE), cluster, cluster, cluster, logic, clock, observed::add);
    Instant firstTick = clock.instant();

    clock.advance(Duration.ofMillis(700));
    autoscaler.run(RunType.SCALER, RunGoal.SCALE, firstTick);
    clock.advance(Duration.ofSeconds(60));
    RunReport periodLater =
        autoscaler.run(RunType.SCALER, RunGoal.SCALE, firstTick.plusSeconds(60));

    assertThat(cluster.replicaWrites())
        .as("the tick a whole period later is past the first rescale, however late each run ran")
        .containsExactly(4, 6);
    assertThat(periodLater.decision().orElseThrow().reason())
        .isEqualTo(DecisionReason.SCALE_UP_LIMITED);
  }

  @Test
  void aRescaleThatFailsIsNotCountedByTheRatePolicies() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2).failingNextWrite("forbidden", 403);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":9}");

    RunReport failed = run(config(TWO_PODS_A_MINUTE), cluster, logic);
    DecisionState savedAfterFailure = decisionStates.load();
    RunReport retried = autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    assertThat(failed.succeeded()).isFalse();
    assertThat(savedAfterFailure.recommendations().isEmpty()).as("the decision was kept").isFalse();
    assertThat(savedAfterFailure.scaleUpEvents().events()).isEmpty();
    assertThat(retried.decision().orElseThrow().targetReplicas()).isEqualTo(4);
    assertThat(cluster.replicaWrites()).containsExactly(4);
  }

  @Test
  void aRestoredStateKeepsLimitingAfterARestart() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 4);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":9}");
    AutoscalerConfig config = config(TWO_PODS_A_MINUTE);
    DecisionState restored =
        config.rules().afterRescale(DecisionState.empty(), 2, 4, clock.instant().minusSeconds(10));
    autoscaler =
        new Autoscaler(
            config,
            new Autoscaler.Ports(
                cluster, cluster, cluster, logic, new InMemoryDecisionStateStore(restored)),
            clock,
            observed::add);

    RunReport report = autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    assertThat(report.decision().orElseThrow().targetReplicas())
        .as("the restored scale-up used the period's 2 pods")
        .isEqualTo(4);
    assertThat(cluster.replicaWrites()).isEmpty();
  }

  @Test
  void theEvaluateMethodsStateComesBackInTheNextRunsInputUntilReplacedOrCleared() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3);
    List<String> answers =
        new ArrayList<>(
            List.of(
                "{\"targetReplicas\":3,\"state\":{\"runs\":1}}",
                "{\"targetReplicas\":3,\"state\":{\"asked\":true}}",
                "{\"targetReplicas\":3}",
                "{\"targetReplicas\":3,\"state\":null}",
                "{\"targetReplicas\":3}"));
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .answering(Stage.EVALUATE, document -> answers.remove(0));
    run(config("runMode: per-resource\n"), cluster, logic);

    autoscaler.run(RunType.API_DRY_RUN, RunGoal.EVALUATION);
    autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    assertThat(decisionStates.load().logicState()).contains("{\"runs\":1}");
    autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    List<String> inputs = logic.documentsFor(Stage.EVALUATE);
    assertThat(inputs.get(0)).as("nothing kept yet").doesNotContain("\"state\"");
    assertThat(inputs.get(1)).endsWith(",\"runType\":\"api_dry_run\",\"state\":{\"runs\":1}}");
    assertThat(inputs.get(2))
        .as("what an evaluation that does not scale asks to keep is not kept")
        .endsWith(",\"state\":{\"runs\":1}}");
    assertThat(inputs.get(3))
        .as("an evaluation without state keeps it")
        .endsWith(",\"state\":{\"runs\":1}}");
    assertThat(inputs.get(4)).as("cleared with null").doesNotContain("\"state\"");
    assertThat(decisionStates.load().logicState()).isEmpty();
  }

  @Test
  void theStateADecisionKeepsIsSavedBeforeTheObserverHearsOfTheRun() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":5}");
    List<DecisionState> savedWhenObserved = new ArrayList<>();
    autoscaler =
        new Autoscaler(
            config("runMode: per-resource\ndownscaleStabilization: 60\n"),
            new Autoscaler.Ports(cluster, cluster, cluster, logic, decisionStates),
            clock,
            report -> savedWhenObserved.add(decisionStates.load()));

    RunReport report = autoscaler.run(RunType.SCALER, RunGoal.SCALE);

    assertThat(savedWhenObserved)
        .containsExactly(report.decision().orElseThrow().state())
        .allSatisfy(
            state ->
                assertThat(state.recommendations().recommendations())
                    .containsExactly(new Recommendation(clock.instant(), 5)));
  }

  @Test
  void aRunThatDecidesNothingSavesNothing() throws Exception {
    DecisionState before =
        DecisionState.empty()
            .withRecommendations(
                new RecommendationHistory(List.of(new Recommendation(clock.instant(), 7))));
    decisionStates.save(before);
    ScriptedUserLogic logic = evaluating("{\"reason\":\"forgot the count\"}");

    run(config("runMode: per-resource\n"), new FakeCluster("web", 2), logic);
    autoscaler.run(RunType.API_DRY_RUN, RunGoal.EVALUATION);

    assertThat(decisionStates.load()).isEqualTo(before);
  }

  @Test
  void aConflictReReadsTheScaleAndTriesOnceMore() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3).failingNextWrite("conflict", 409);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":6}");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(report.succeeded()).isTrue();
    assertThat(cluster.replicaWrites()).containsExactly(6);
  }

  @Test
  void aSecondConflictFailsTheRun() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .failingNextWrite("conflict", 409)
            .failingNextWrite("conflict again", 409);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":6}");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(report.failure().orElseThrow())
        .hasMessage(
            "failed to scale resource: failed to apply scaling changes to resource: conflict again");
  }

  @Test
  void aFailedPostScaleFailsTheRunButTheChangeStands() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 3);
    ScriptedUserLogic logic =
        evaluating("{\"targetReplicas\":4}")
            .failing(Stage.POST_SCALE, "fail to run post-scaling hook");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(report.failure().orElseThrow())
        .hasMessage(
            "failed to scale resource: failed to run post-scaling hook: fail to run post-scaling hook");
    assertThat(report.scaled()).isTrue();
    assertThat(cluster.replicas()).isEqualTo(4);
  }

  @Test
  void aFailedPreScaleChangesNothing() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        evaluating("{\"targetReplicas\":3}")
            .failing(Stage.PRE_SCALE, "fail to run pre-scaling hook");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(report.failure().orElseThrow())
        .hasMessage(
            "failed to scale resource: failed to run pre-scaling hook: fail to run pre-scaling hook");
    assertThat(cluster.replicaWrites()).isEmpty();
  }

  @Test
  void runsForTheRestApiStopWhereTheirGoalSays() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":20}");
    run(config("runMode: per-resource\n"), cluster, logic);
    cluster.changeReplicasBehindTheAutoscaler(2);

    RunReport metricsOnly = autoscaler.run(RunType.API_DRY_RUN, RunGoal.METRICS);
    RunReport dryEvaluation = autoscaler.run(RunType.API_DRY_RUN, RunGoal.EVALUATION);

    assertThat(metricsOnly.evaluatedReplicas()).isEmpty();
    assertThat(dryEvaluation.evaluatedReplicas()).hasValue(20);
    assertThat(dryEvaluation.decision()).isEmpty();
    assertThat(logic.documentsFor(Stage.METRIC).get(1)).endsWith("\"runType\":\"api_dry_run\"}");
    assertThat(cluster.replicaWrites()).containsExactly(10);
  }

  @Test
  void namesTheStepThatFailed() throws Exception {
    ScriptedUserLogic working = evaluating("{\"targetReplicas\":2}");

    assertThat(
            failureOf(
                new FakeCluster("web", 2).failingToReadTarget("fail to get resource"), working))
        .isEqualTo("failed to get managed resource: fail to get resource");
    assertThat(
            failureOf(
                new FakeCluster("web", 2).failingToReadScale("fail to get scale subresource"),
                working))
        .isEqualTo("failed to get scale subresource: fail to get scale subresource");
    assertThat(
            failureOf(
                new FakeCluster("web", 2).failingToListPods("fail to list pods"),
                working,
                "runMode: per-pod\n"))
        .isEqualTo("failed to get metrics: failed to get pods being managed: fail to list pods");
  }

  @Test
  void namesTheUserLogicThatFailed() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2).withPods("pod-a");
    assertThat(failureOf(cluster, logicFailingAt(Stage.PRE_METRIC, "pre-metric hook fail")))
        .isEqualTo("failed to get metrics: failed to run pre-metric hook: pre-metric hook fail");
    assertThat(
            failureOf(
                cluster, logicFailingAt(Stage.METRIC, "fail to get metric"), "runMode: per-pod\n"))
        .isEqualTo(
            "failed to get metrics: failed to gather metrics: pod pod-a: fail to get metric");
    assertThat(failureOf(cluster, logicFailingAt(Stage.METRIC, "fail to get metric")))
        .isEqualTo("failed to get metrics: failed to gather metrics: fail to get metric");
    assertThat(failureOf(cluster, logicFailingAt(Stage.POST_METRIC, "post-metric hook fail")))
        .isEqualTo("failed to get metrics: failed to run post-metric hook: post-metric hook fail");
    assertThat(failureOf(cluster, logicFailingAt(Stage.PRE_EVALUATE, "pre-evaluate hook fail")))
        .isEqualTo(
            "failed to get evaluation: failed to run pre-evaluate hook: pre-evaluate hook fail");
    assertThat(failureOf(cluster, logicFailingAt(Stage.EVALUATE, "fail to evaluate")))
        .as("the evaluate method's failure carries the run-level prefix already")
        .isEqualTo("failed to get evaluation: fail to evaluate");
    assertThat(failureOf(cluster, logicFailingAt(Stage.POST_EVALUATE, "post-evaluate hook fail")))
        .isEqualTo(
            "failed to get evaluation: failed to run post-evaluate hook: post-evaluate hook fail");
  }

  @Test
  void aBadEvaluationFailsTheRunAndScalesNothing() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);

    String failure = failureOf(cluster, evaluating("{\"reason\":\"forgot the count\"}"));

    assertThat(failure)
        .isEqualTo(
            "failed to get evaluation: failed to parse JSON evaluation, got"
                + " '{\"reason\":\"forgot the count\"}': targetReplicas is missing");
    assertThat(cluster.replicaWrites()).isEmpty();
  }

  @Test
  void reportsEveryRunToTheObserver() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic = evaluating("{\"targetReplicas\":2}");

    RunReport report = run(config("runMode: per-resource\n"), cluster, logic);

    assertThat(observed).containsExactly(report);
    assertThat(report.stageDurations()).containsOnlyKeys("target", "metrics", "evaluate", "scale");
    assertThat(report.currentReplicas()).hasValue(2);
  }

  @Test
  void runsTakeTurnsAndNeverOverlap() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    CountDownLatch firstRunMayFinish = new CountDownLatch(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(
                Stage.METRIC,
                document -> {
                  mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  awaitQuietly(firstRunMayFinish);
                  inFlight.decrementAndGet();
                  return "m";
                })
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    autoscaler =
        new Autoscaler(
            config("runMode: per-resource\n"),
            cluster,
            cluster,
            cluster,
            logic,
            clock,
            observed::add);

    Thread scheduled = new Thread(() -> runQuietly(RunType.SCALER));
    Thread restCall = new Thread(() -> runQuietly(RunType.API));
    scheduled.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> logic.documentsFor(Stage.METRIC).size() == 1);
    restCall.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> restCall.getState() == Thread.State.WAITING);
    firstRunMayFinish.countDown();
    scheduled.join(5000);
    restCall.join(5000);

    assertThat(logic.documentsFor(Stage.METRIC)).hasSize(2);
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }

  private void runQuietly(RunType type) {
    try {
      autoscaler.run(type, RunGoal.SCALE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Logic whose metric answers "m" and whose evaluation answers {@code output}. */
  private static ScriptedUserLogic evaluating(String output) {
    return new ScriptedUserLogic().answering(Stage.METRIC, "m").answering(Stage.EVALUATE, output);
  }

  private ScriptedUserLogic logicFailingAt(Stage stage, String message) {
    ScriptedUserLogic logic = new ScriptedUserLogic();
    for (Stage each : Stage.values()) {
      logic.answering(each, "");
    }
    logic.answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    return logic.failing(stage, message);
  }

  private String failureOf(FakeCluster cluster, ScriptedUserLogic logic) throws Exception {
    return failureOf(cluster, logic, "runMode: per-resource\n");
  }

  private String failureOf(FakeCluster cluster, ScriptedUserLogic logic, String yaml)
      throws Exception {
    try (Autoscaler subject =
        new Autoscaler(config(yaml), cluster, cluster, cluster, logic, clock, observed::add)) {
      RunReport report = subject.run(RunType.SCALER, RunGoal.SCALE);
      return report.failure().orElseThrow().getMessage();
    }
  }

  private RunReport run(AutoscalerConfig config, FakeCluster cluster, ScriptedUserLogic logic)
      throws InterruptedException {
    autoscaler =
        new Autoscaler(
            config,
            new Autoscaler.Ports(cluster, cluster, cluster, logic, decisionStates),
            clock,
            observed::add);
    return autoscaler.run(RunType.SCALER, RunGoal.SCALE);
  }
}
