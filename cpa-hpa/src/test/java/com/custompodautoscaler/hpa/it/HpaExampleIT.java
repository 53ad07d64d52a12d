package com.custompodautoscaler.hpa.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.autoscaler.testing.JarProcess;
import com.custompodautoscaler.pipeline.testing.MetricsServerCluster;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HPA example end to end: the autoscaler jar as a process, with the cpa-hpa logic, against an
 * API server that serves the Deployment, its scale, its pods and metrics-server's pod metrics. The
 * example's configuration runs as written, but for the target's name, the jar's path and shorter
 * times (a 1 s interval and rate periods, a 4 s scale-down window), so the test stays short.
 */
class HpaExampleIT {

  private static final Duration SCALE_DOWN_WINDOW = Duration.ofSeconds(4);

  @TempDir Path dir;

  @Test
  void inProcessTheHpaScalesUpOnLoadThenDownAfterTheWindow() throws Exception {
    scalesUpThenDownAfterTheWindow(exampleConfig());
  }

  @Test
  void asAShellCommandTheHpaScalesTheSame() throws Exception {
    String hpaJar = hpaJar().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String shellMethod =
        "  type: shell\n  timeout: 10000\n  shell:\n    entrypoint: "
            + java
            + "\n    command: [-jar, "
            + hpaJar
            + ", STAGE]\n";
    String config =
        exampleConfig()
            .replaceAll(
                "metric:\\n  type: java\\n(  .*\\n)+?evaluate:",
                "metric:\n" + shellMethod.replace("STAGE", "metric") + "evaluate:")
            .replaceAll(
                "evaluate:\\n  type: java\\n(  .*\\n?)+$",
                "evaluate:\n" + shellMethod.replace("STAGE", "evaluate"));
    assertThat(config).doesNotContain("type: java").contains("command: [-jar");

    scalesUpThenDownAfterTheWindow(config);
  }

  private void scalesUpThenDownAfterTheWindow(String config) throws Exception {
    Path configFile = Files.writeString(dir.resolve("config.yaml"), config);
    try (MetricsServerCluster cluster = new MetricsServerCluster("default", 1)) {
      // One pod at 400% of its request: the HPA asks for 8, the scale-up policies allow 2 (100%)
      // or 5 (4 pods) per period, so 5 first, then 8.
      cluster.useCpu(4 * MetricsServerCluster.CPU_REQUEST_MILLIS);
      try (AutoscalerProcess autoscaler =
          AutoscalerProcess.start(dir, configFile, cluster.writeKubeconfig(dir), Map.of())) {
        await()
            .atMost(Duration.ofSeconds(40))
            .untilAsserted(() -> assertThat(cluster.replicas()).as(autoscaler.logs()).isEqualTo(8));
        assertThat(autoscaler.logs()).contains("reason=scale_up_limited");

        // Load drops to 5% of the requests: the HPA asks for 1 at once, the window holds it.
        cluster.useCpu(40);
        long dropped = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(40))
            .untilAsserted(() -> assertThat(cluster.replicas()).as(autoscaler.logs()).isEqualTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - dropped))
            .as("the scale-down waited for the stabilization window")
            .isGreaterThanOrEqualTo(SCALE_DOWN_WINDOW.minusSeconds(1));
        assertThat(autoscaler.logs()).contains("reason=downscale_stabilized");
      }
    }
  }

  /**
   * The example's config.yaml, pointed at this test's cluster and the built jar, with short times.
   */
  private static String exampleConfig() throws Exception {
    return Files.readString(ProjectFiles.resolve("examples/horizontal-pod-autoscaler/config.yaml"))
        .replace("name: php-apache", "name: web")
        .replace("/opt/cpa/cpa-hpa.jar", hpaJar().toString())
        .replace("interval: 15000", "interval: 1000")
        .replace("periodSeconds: 15", "periodSeconds: 1")
        .replace(
            "stabilizationWindowSeconds: 300",
            "stabilizationWindowSeconds: " + SCALE_DOWN_WINDOW.toSeconds());
  }

  private static Path hpaJar() {
    return JarProcess.jar("cpa.hpa.jar", "target/cpa-hpa.jar").toAbsolutePath();
  }
}
