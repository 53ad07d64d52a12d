package com.custompodautoscaler.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void targetRefSplitsGroupAndVersion() {
    TargetRef deployment = new TargetRef("apps/v1", "Deployment", "web");
    TargetRef controller = new TargetRef("v1", "ReplicationController", "legacy");

    assertThat(deployment.group()).isEqualTo("apps");
    assertThat(deployment.version()).isEqualTo("v1");
    assertThat(controller.group()).isEmpty();
    assertThat(controller.version()).isEqualTo("v1");
    assertThat(deployment.describe()).isEqualTo("Deployment/web");
  }

  @Test
  void targetRefNamesTheMissingField() {
    assertThatThrownBy(() -> new TargetRef("apps/v1", " ", "web"))
        .hasMessage("scaleTargetRef.kind must not be empty");
  }

  @Test
  void boundsRejectAMinimumAboveTheMaximum() {
    assertThatThrownBy(() -> new ReplicaBounds(5, 3))
        .hasMessage("minReplicas 5 is greater than maxReplicas 3");
  }

  @Test
  void runTypesAndModesHaveTheirWireNames() {
    assertThat(RunType.API_DRY_RUN.wireName()).isEqualTo("api_dry_run");
    assertThat(RunMode.fromWireName("per-resource")).contains(RunMode.PER_RESOURCE);
    assertThat(RunMode.fromWireName("perpod")).isEmpty();
    assertThat(Stage.hooks()).hasSize(6).doesNotContain(Stage.METRIC, Stage.EVALUATE);
  }
}
