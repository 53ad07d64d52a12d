package com.custompodautoscaler.host.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostSettingsTest {

  @Test
  void thePodsNameAndNamespaceAreEnoughTheRestHasDefaults() {
    HostSettings settings =
        HostSettings.from(Map.of("POD_NAME", "cpa-host-7d9f-x2", "POD_NAMESPACE", "cpa-system"));

    assertThat(settings.host())
        .isEqualTo(
            new Host.Settings(
                "cpa-system",
                "cpa-host",
                "cpa-host-7d9f-x2",
                64,
                Duration.ofSeconds(15),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Path.of("/tmp/cpa-host"),
                Path.of("/opt/cpa/images"),
                Optional.empty(),
                Optional.empty(),
                100));
    assertThat(settings.port()).isEqualTo(8081);
  }

  @Test
  void everyBadVariableIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                HostSettings.from(
                    Map.of(
                        "POD_NAMESPACE", "cpa-system",
                        "CPA_HOST_SHARDS", "many",
                        "CPA_HOST_LEASE_SECONDS", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "POD_NAME is not set; CPA_HOST_SHARDS is \"many\"; a whole number from 1 to 4096;"
                + " CPA_HOST_LEASE_SECONDS is \"2\"; a whole number from 6 to 3600");
  }

  @Test
  void aWatchedNamespaceAndOtherTimings() {
    HostSettings settings =
        HostSettings.from(
            Map.of(
                "POD_NAME", "a",
                "POD_NAMESPACE", "ops",
                "CPA_HOST_WATCH_NAMESPACE", "shop",
                "CPA_HOST_LEASE_SECONDS", "30",
                "CPA_HOST_PORT", "9090"));

    assertThat(settings.host().watched()).contains("shop");
    assertThat(settings.host().renewEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.port()).isEqualTo(9090);
  }
}
