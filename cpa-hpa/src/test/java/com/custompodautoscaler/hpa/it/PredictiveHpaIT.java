package com.custompodautoscaler.hpa.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.pipeline.testing.Workloads;
import com.custompodautoscaler.predict.Observation;
import com.custompodautoscaler.predict.ReplicaHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Predictive HPA as a CPA: the autoscaler jar as a process, the predictive logic in-process
 * from the HPA jar, reporting to its CustomPodAutoscaler on a real kube-apiserver. The HPA's
 * proposal comes from a file the test writes, in place of the metrics a cluster would give. The
 * history the logic keeps lives in the CPA's status and is there for the next autoscaler after a
 * restart.
 */
class PredictiveHpaIT {

  private static final String CPA = "web";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RealApiServer API = new RealApiServer();

  @TempDir Path dir;

  @Test
  void itScalesAheadOfARisingLoadAndItsHistoryOutlivesTheAutoscaler() throws Exception {
    String namespace = API.targetWithItsCpa("predictive", CPA);
    propose(2);

    try (AutoscalerProcess autoscaler = start(namespace)) {
      awaitHistoryLongerThan(2, namespace, autoscaler);
      propose(4);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(replicas(namespace))
                      .as("the line through 2, 2, ..., 4 read 20 s ahead: above the HPA's 4")
                      .isGreaterThan(4));
    }
    List<Integer> before = history(namespace);

    try (AutoscalerProcess autoscaler = start(namespace)) {
      awaitHistoryLongerThan(before.size(), namespace, autoscaler);
      assertThat(history(namespace))
          .as("the new autoscaler went on with the history the first one kept")
          .startsWith(before.toArray(Integer[]::new));
      assertThat(autoscaler.logs()).doesNotContain("stateReset");
    }
  }

  private static void awaitHistoryLongerThan(
      int observations, String namespace, AutoscalerProcess autoscaler) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(history(namespace))
                    .as(autoscaler.logs())
                    .hasSizeGreaterThan(observations));
  }

  /** The HPA's proposal the metric stage answers: {@code replicas} for the one metric. */
  private void propose(int replicas) throws Exception {
    Files.writeString(
        dir.resolve("proposal.json"),
        "{\"specReplicas\":1,\"metrics\":[{\"metric\":\"load\",\"replicas\":" + replicas + "}]}");
  }

  private AutoscalerProcess start(String namespace) throws Exception {
    String config =
        String.join(
            "\n",
            "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: " + CPA + "}",
            "runMode: per-resource",
            "minReplicas: 1",
            "maxReplicas: 20",
            "downscaleStabilization: 0",
            "metric: {type: shell, timeout: 5000, shell: {entrypoint: /bin/cat, command: [proposal.json]}}",
            "evaluate:",
            "  type: java",
            "  timeout: 5000",
            "  java:",
            "    className: com.custompodautoscaler.hpa.predictive.PredictiveHpaLogic",
            "    classpath: [" + RealApiServer.hpaJar() + "]",
            "");
    return AutoscalerProcess.start(
        dir,
        Files.writeString(dir.resolve("config.yaml"), config),
        API.kubeconfig(),
        Map.of(
            "namespace",
            namespace,
            "cpaName",
            CPA,
            "interval",
            "1000",
            "models",
            "- {type: Linear, name: trend, linear: {historySize: 50, lookAhead: 20000}}"));
  }

  /** The HPA's counts the logic keeps in the CPA's status, oldest first. */
  private static List<Integer> history(String namespace) throws Exception {
    CustomPodAutoscalerStatus status =
        API.admin()
            .resources(CustomPodAutoscaler.class)
            .inNamespace(namespace)
            .withName(CPA)
            .get()
            .getStatus();
    if (status == null || status.getLogicState() == null) {
      return List.of();
    }
    JsonNode state = JSON.readTree(status.getLogicState());
    return ReplicaHistory.decode(state.get("history").asText()).observations().stream()
        .map(Observation::replicas)
        .toList();
  }

  private static int replicas(String namespace) {
    return Workloads.deploymentReplicas(API.admin(), namespace, CPA);
  }
}
