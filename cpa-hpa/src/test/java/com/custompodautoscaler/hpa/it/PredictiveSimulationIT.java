package com.custompodautoscaler.hpa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.autoscaler.simulate.LoadSimulation;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The predictive example's comparison in {@code simulate} (docs/benchmarks.md, section 13) on a
 * shorter series: the example's configuration as the Predictive HPA and, with the HPA's evaluate
 * stage, as the HPA, with the jar the build made, over four days compressed to an hour each ({@code
 * seasonal_load.py --days 4 --day-seconds 3600}, a season of 240 runs), pods of one core that take
 * 60 s to start. Once the model has its two days, the predictive CPA is ready for the noon batch
 * when it comes, and the HPA is not.
 */
class PredictiveSimulationIT {

  private static final Path EXAMPLE = ProjectFiles.resolve("examples/predictive");
  private static final Path LOAD =
      ProjectFiles.resolve("cpa-hpa/src/test/resources/predictive/seasonal-hour-days.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DAY = Duration.ofHours(1);

  @Test
  void thePredictiveCpaIsReadyForTheSeasonalBatchAndTheHpaIsNot() throws Exception {
    String models =
        Files.readString(EXAMPLE.resolve("models.yaml"))
            .replace("seasonalPeriods: 5760", "seasonalPeriods: 240");

    List<JsonNode> hpa =
        simulate(
            Map.of(
                "evaluate",
                "{\"java\": {\"className\": \"com.custompodautoscaler.hpa.HpaLogic\"}}"));
    List<JsonNode> predictive = simulate(Map.of("models", models));

    JsonNode hpaCosts = hpa.get(hpa.size() - 1).get("summary");
    JsonNode predictiveCosts = predictive.get(predictive.size() - 1).get("summary");
    assertThat(hpaCosts.get("underProvisionedPodSeconds").asDouble()).isGreaterThan(0);
    assertThat(predictiveCosts.get("underProvisionedPodSeconds").asDouble())
        .as("at least 50% fewer under-provisioned pod-seconds")
        .isLessThanOrEqualTo(hpaCosts.get("underProvisionedPodSeconds").asDouble() / 2);
    assertThat(predictiveCosts.get("podSeconds").asDouble())
        .as("for at most 20% more pod-seconds")
        .isLessThanOrEqualTo(hpaCosts.get("podSeconds").asDouble() * 1.2);
    for (int day = 2; day < 4; day++) {
      long batch = DAY.multipliedBy(day).plus(DAY.dividedBy(2)).toSeconds() + 15;
      assertThat(readyAt(predictive, batch))
          .as("day %d: the predictive CPA's pods ready at the first run in the batch", day + 1)
          .isGreaterThan(readyAt(hpa, batch) + 5);
    }
  }

  /** The example's configuration with {@code entries} run over the load, from the third day on. */
  private static List<JsonNode> simulate(Map<String, String> entries) throws Exception {
    String yaml =
        Files.readString(EXAMPLE.resolve("config.yaml"))
            .replace("/opt/cpa/cpa-hpa.jar", RealApiServer.hpaJar().toString());
    AutoscalerConfig loaded = ConfigLoader.load(yaml, "config.yaml", entries).config();
    StringWriter out = new StringWriter();
    try (BufferedReader load = Files.newBufferedReader(LOAD)) {
      new LoadSimulation(
              loaded,
              entries,
              new LoadSimulation.Pods(1000, Duration.ofSeconds(60)),
              new LoadSimulation.Counting(DAY.multipliedBy(2)))
          .run(load, new PrintWriter(out));
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  /** The ready pods at the run at {@code second}. */
  private static int readyAt(List<JsonNode> runs, long second) {
    return runs.stream()
        .filter(run -> run.path("time").asLong(-1) == second)
        .findFirst()
        .orElseThrow()
        .get("readyReplicas")
        .asInt();
  }
}
