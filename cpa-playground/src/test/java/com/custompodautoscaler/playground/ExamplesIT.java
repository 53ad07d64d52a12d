package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of {@code examples/}, as the playground runs it, on one shared playground control
 * plane: each step of its script is made to happen, and the autoscaler must reach the replicas the
 * step expects (and the one beside it, when the script runs another). A timed script's steps last
 * their time each, and the replicas must be the expected ones when it is up, give or take a run.
 */
class ExamplesIT {

  private static final Path EXAMPLES = ProjectFiles.resolve("examples");

  /** How long the replicas at the end of a timed step may take: a run of the examples' at most. */
  private static final Duration TIMED_GRACE = Duration.ofMillis(1500);

  @TempDir static Path workDir;
  private static ControlPlane plane;

  @BeforeAll
  static void startControlPlane() throws Exception {
    plane = ControlPlane.start(workDir, System.out);
  }

  @AfterAll
  static void stopControlPlane() {
    plane.close();
  }

  /** Every example, or the one {@code -Dcpa.example=NAME} names. */
  static List<String> examples() throws Exception {
    String only = System.getProperty("cpa.example", "");
    return ExampleLibrary.in(EXAMPLES).names().stream()
        .filter(name -> only.isEmpty() || name.equals(only))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void reachesTheReplicasEveryStepExpects(String name) throws Exception {
    Path folder = ExampleLibrary.in(EXAMPLES).folder(name);
    ExampleScript script = ExampleScript.read(folder.resolve(ExampleLibrary.SCRIPT_FILE));
    assertThat(script.steps()).as("an example's script has steps to check").isNotEmpty();

    try (Playground playground =
        Playground.start(
            plane,
            folder.resolve(ExampleLibrary.CONFIG_FILE),
            script,
            name,
            new Console(System.out))) {
      playground.readyForTimedSteps();
      long started = System.nanoTime();
      long seconds = 0;
      for (ExampleScript.Step step : script.steps()) {
        playground.apply(step);
        if (script.timed()) {
          seconds += step.lasts();
          Playground.sleepUntil(started, seconds);
        }
        await()
            .atMost(script.timed() ? TIMED_GRACE : Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .failFast("the autoscaler stopped", () -> !playground.autoscalerRunning())
            .untilAsserted(
                () -> {
                  if (step.expect() != null) {
                    assertThat(playground.targetReplicas())
                        .as("replicas after '%s'", step.say())
                        .isEqualTo(step.expect());
                  }
                  if (step.expectAtLeast() != null) {
                    assertThat(playground.targetReplicas())
                        .as("replicas after '%s'", step.say())
                        .isGreaterThanOrEqualTo(step.expectAtLeast());
                  }
                  if (step.besidesExpect() != null) {
                    assertThat(playground.besidesReplicas())
                        .as("replicas beside, after '%s'", step.say())
                        .contains(step.besidesExpect());
                  }
                });
        if (step.expectError() != null) {
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(250))
              .untilAsserted(
                  () ->
                      assertThat(playground.lastRunError())
                          .as("a failed run after '%s'", step.say())
                          .contains(step.expectError()));
        }
      }
    }
  }
}
