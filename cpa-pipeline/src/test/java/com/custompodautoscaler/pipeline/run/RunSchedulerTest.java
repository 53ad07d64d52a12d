package com.custompodautoscaler.pipeline.run;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunSchedulerTest {

  @Test
  void startsScheduledRunsUntilStoppedThenStartsNoMore() throws Exception {
    List<RunReport> reports = new CopyOnWriteArrayList<>();
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    try (Autoscaler autoscaler =
        new Autoscaler(
            config("runMode: per-resource\n"),
            cluster,
            cluster,
            cluster,
            logic,
            Clock.systemUTC(),
            reports::add)) {
      RunScheduler scheduler =
          new RunScheduler(
              autoscaler, Duration.ofMillis(1), Duration.ofMillis(20), Clock.systemUTC());

      scheduler.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() >= 3);
      scheduler.stopScheduling();

      assertThat(scheduler.awaitStopped(Duration.ofSeconds(5))).isTrue();
      int runsWhenStopped = reports.size();
      Thread.sleep(100);
      assertThat(reports).hasSize(runsWhenStopped);
      assertThat(reports).allSatisfy(report -> assertThat(report.type()).isEqualTo(RunType.SCALER));
    }
  }

  @Test
  void stoppingDuringTheStartDelayEndsAtOnce() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    try (Autoscaler autoscaler =
        new Autoscaler(
            config(""),
            cluster,
            cluster,
            cluster,
            new ScriptedUserLogic(),
            Clock.systemUTC(),
            report -> {})) {
      RunScheduler scheduler =
          new RunScheduler(autoscaler, Duration.ofHours(1), Duration.ofHours(1), Clock.systemUTC());

      scheduler.start();
      scheduler.stopScheduling();

      assertThat(scheduler.awaitStopped(Duration.ofSeconds(5))).isTrue();
    }
  }
}
