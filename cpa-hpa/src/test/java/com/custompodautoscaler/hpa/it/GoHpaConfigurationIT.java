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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CustomPodAutoscaler written for the Go horizontal-pod-autoscaler image, switched to the
 * horizontal-pod-autoscaler image and nothing else: the image's autoscaler and configuration run
 * with the environment the operator makes of that CPA's {@code config} entries ({@code metrics},
 * {@code minReplicas}, {@code maxReplicas}, {@code interval}, {@code downscaleStabilization}), as a
 * process against an API server that serves the target and metrics-server's pod metrics; the
 * configuration reads the entry {@code metrics} as {@code kubernetesMetricSpecs} through its {@code
 * variableAliases}. Only the jars' paths differ from the image, and the times are short.
 */
class GoHpaConfigurationIT {

  private static final Path IMAGE = ProjectFiles.resolve("deploy/docker/horizontal-pod-autoscaler");

  /** The Go HPA's example: CPU at 50% of the requests, from 1 to 3 replicas. */
  private static final Map<String, String> GO_HPA_CONFIG_ENTRIES =
      Map.of(
          "minReplicas",
          "1",
          "maxReplicas",
          "3",
          "interval",
          "1000",
          "downscaleStabilization",
          "3",
          "metrics",
          "- type: Resource\n"
              + "  resource:\n"
              + "    name: cpu\n"
              + "    target:\n"
              + "      type: Utilization\n"
              + "      averageUtilization: 50\n");

  @TempDir Path dir;

  @Test
  void theGoHpasConfigEntriesScaleUpToTheirMaximumAndDownAfterTheirWindow() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("config.yaml"),
            Files.readString(IMAGE.resolve("config.yaml"))
                .replace("/opt/cpa/cpa-hpa.jar", hpaJar().toString()));
    try (MetricsServerCluster cluster = new MetricsServerCluster("default", 1)) {
      // One pod at 400% of its request: the HPA asks for 8, maxReplicas holds it to 3.
      cluster.useCpu(4 * MetricsServerCluster.CPU_REQUEST_MILLIS);
      try (JarProcess autoscaler = start(config, cluster.writeKubeconfig(dir))) {
        await()
            .atMost(Duration.ofSeconds(40))
            .untilAsserted(() -> assertThat(cluster.replicas()).as(autoscaler.logs()).isEqualTo(3));
        // The autoscaler logs its decision after the patch lands, so the line may trail the scale.
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(autoscaler.logs()).contains("reason=lowered_to_max"));

        cluster.useCpu(10);
        long dropped = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(40))
            .untilAsserted(() -> assertThat(cluster.replicas()).as(autoscaler.logs()).isEqualTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - dropped))
            .as("downscaleStabilization held the scale-down")
            .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      }
    }
  }

  /** The image's autoscaler with the operator's environment for the Go HPA's CPA. */
  private JarProcess start(Path config, Path kubeconfig) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(GO_HPA_CONFIG_ENTRIES);
    env.put(
        "scaleTargetRef", "{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"}");
    env.put("namespace", "default");
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("apiConfig", "{\"host\": \"127.0.0.1\", \"port\": " + JarProcess.freePort() + "}");
    return JarProcess.start(
        AutoscalerProcess.jar(),
        List.of("--config", config.toString()),
        dir,
        dir.resolve("autoscaler.log"),
        env);
  }

  private static Path hpaJar() {
    return JarProcess.jar("cpa.hpa.jar", "target/cpa-hpa.jar").toAbsolutePath();
  }
}
