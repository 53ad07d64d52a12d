package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AutoscalerWorkloadTest {

  static Stream<Arguments> workloads() {
    return Stream.of(
        Arguments.of(
            "a Deployment with a ready replica",
            deployment(1),
            true,
            "Deployment scaler has a ready autoscaler"),
        Arguments.of(
            "a Deployment whose replica is not ready",
            deployment(0),
            false,
            "Deployment scaler has no ready autoscaler yet"),
        Arguments.of(
            "a Deployment without status, as on an API server with no controllers",
            new DeploymentBuilder().withNewMetadata().withName("scaler").endMetadata().build(),
            false,
            "Deployment scaler has no ready autoscaler yet"),
        Arguments.of("a ready Pod", pod("Running", "True"), true, "Pod scaler is ready"),
        Arguments.of(
            "a Pod still starting",
            pod("Pending", "False"),
            false,
            "Pod scaler is not ready (phase Pending)"),
        Arguments.of(
            "a Pod without status",
            new PodBuilder().withNewMetadata().withName("scaler").endMetadata().build(),
            false,
            "Pod scaler is not ready (no status yet)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void anAutoscalerRunsOnlyWhenItsWorkloadSaysItIsReady(
      String name, HasMetadata workload, boolean ready, String description) {
    AutoscalerWorkload found = AutoscalerWorkload.of(workload);

    assertThat(found.ready()).isEqualTo(ready);
    assertThat(found.description()).isEqualTo(description);
  }

  private static HasMetadata deployment(int readyReplicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("scaler")
        .endMetadata()
        .withNewStatus()
        .withReplicas(1)
        .withReadyReplicas(readyReplicas)
        .endStatus()
        .build();
  }

  private static HasMetadata pod(String phase, String ready) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("scaler")
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus()
        .build();
  }
}
