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
 * step expects.
 */
class ExamplesIT {

  private static final Path EXAMPLES = ProjectFiles.resolve("examples");

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

  static List<String> examples() throws Exception {
    return ExampleLibrary.in(EXAMPLES).names();
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
      for (ExampleScript.Step step : script.steps()) {
        playground.apply(step);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .failFast("the autoscaler stopped", () -> !playground.autoscalerRunning())
            .untilAsserted(
                () ->
                    assertThat(playground.targetReplicas())
                        .as("replicas after '%s'", step.say())
                        .isEqualTo(step.expect()));
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
