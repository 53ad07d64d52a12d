package com.custompodautoscaler.host.cpa;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.InMemoryDecisionStateStore;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A hosted CPA's run whose replica loses the shard while the run is under way (here: during the
 * evaluation): the run goes to its end, but the scale is not set, the decision state not saved and
 * the run not reported.
 */
class FencedTest {

  private final FakeCluster cluster = new FakeCluster("web", 2);
  private final InMemoryDecisionStateStore states = new InMemoryDecisionStateStore();
  private final List<RunReport> reported = new ArrayList<>();
  private final AtomicBoolean holds = new AtomicBoolean(true);

  @Test
  void whileTheShardIsHeldTheRunWritesAsAlways() throws Exception {
    RunReport report =
        run(new ScriptedUserLogic().answering(Stage.EVALUATE, "{\"targetReplicas\":4}"));

    assertThat(cluster.replicaWrites()).containsExactly(4);
    assertThat(states.load()).isNotEqualTo(DecisionState.empty());
    assertThat(reported).containsExactly(report);
  }

  @Test
  void aRunWhoseShardIsLostMidwayWritesNothing() throws Exception {
    RunReport report =
        run(
            new ScriptedUserLogic()
                .answering(
                    Stage.EVALUATE,
                    document -> {
                      holds.set(false);
                      return "{\"targetReplicas\":4}";
                    }));

    assertThat(cluster.replicaWrites()).isEmpty();
    assertThat(cluster.replicas()).isEqualTo(2);
    assertThat(states.load()).isEqualTo(DecisionState.empty());
    assertThat(reported).isEmpty();
    assertThat(report.succeeded()).isFalse();
    assertThat(report.failure().orElseThrow().getMessage()).contains("another replica runs it");
  }

  private RunReport run(ScriptedUserLogic logic) throws InterruptedException {
    logic.answering(Stage.METRIC, "m");
    Fenced fenced = new Fenced(holds::get, "default/web-autoscaler");
    try (Autoscaler autoscaler =
        new Autoscaler(
            config("runMode: per-resource\n"),
            new Autoscaler.Ports(
                fenced.scale(cluster), cluster, cluster, logic, fenced.decisionStates(states)),
            Clock.systemUTC(),
            fenced.observer(reported::add))) {
      return autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    }
  }
}
