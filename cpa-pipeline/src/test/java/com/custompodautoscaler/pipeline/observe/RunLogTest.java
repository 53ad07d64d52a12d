package com.custompodautoscaler.pipeline.observe;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.MutableClock;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunLogTest {

  private final RunLog log = new RunLog(new TargetRef("apps/v1", "Deployment", "web"), "shop");

  @Test
  void summarisesASuccessfulRunWithStableKeys() throws Exception {
    String line =
        summaryOf(
            new FakeCluster("web", 3), "{\"targetReplicas\":8}", RunType.SCALER, RunGoal.SCALE);

    assertThat(line)
        .matches(
            "run type=scaler target=Deployment/shop/web current=3 evaluated=8 decided=5"
                + " reason=lowered_to_max scaled=true duration_ms=\\d+");
  }

  @Test
  void summarisesAFailedRunWithItsError() throws Exception {
    String line = summaryOf(new FakeCluster("web", 3), "{}", RunType.API, RunGoal.SCALE);

    assertThat(line)
        .startsWith("run failed type=api target=Deployment/shop/web current=3 duration_ms=")
        .endsWith(
            " error=\"failed to get evaluation: failed to parse JSON evaluation, got '{}':"
                + " targetReplicas is missing\"");
  }

  @Test
  void namesTheGoalOfARunThatStopsEarly() throws Exception {
    String line = summaryOf(new FakeCluster("web", 3), "{}", RunType.API_DRY_RUN, RunGoal.METRICS);

    assertThat(line)
        .startsWith(
            "run type=api_dry_run goal=metrics target=Deployment/shop/web current=3 duration_ms=");
  }

  private String summaryOf(FakeCluster cluster, String evaluation, RunType type, RunGoal goal)
      throws InterruptedException {
    ScriptedUserLogic logic =
        new ScriptedUserLogic().answering(Stage.METRIC, "m").answering(Stage.EVALUATE, evaluation);
    try (Autoscaler autoscaler =
        new Autoscaler(
            config("runMode: per-resource\nmaxReplicas: 5\n"),
            cluster,
            cluster,
            cluster,
            logic,
            new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
            report -> {})) {
      RunReport report = autoscaler.run(type, goal);
      return log.summary(report);
    }
  }
}
