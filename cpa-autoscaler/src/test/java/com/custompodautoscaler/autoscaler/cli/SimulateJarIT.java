package com.custompodautoscaler.autoscaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.autoscaler.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar cpa-autoscaler.jar simulate} as a user runs it, with no cluster at all. */
class SimulateJarIT {

  @Test
  void theJarSimulatesAGoldenCase(@TempDir Path dir) throws Exception {
    Path golden =
        Path.of("src/test/resources/simulate/scale-down-percent-or-pods").toAbsolutePath();

    try (JarProcess process =
        JarProcess.start(
            AutoscalerProcess.jar(),
            List.of(
                "simulate",
                "--config",
                golden.resolve("config.yaml").toString(),
                "--input",
                golden.resolve("input.jsonl").toString()),
            dir,
            dir.resolve("simulate.log"),
            Map.of())) {

      assertThat(process.awaitExit()).as(process.logs()).isZero();
      assertThat(process.logs()).isEqualTo(Files.readString(golden.resolve("expected.jsonl")));
    }
  }
}
