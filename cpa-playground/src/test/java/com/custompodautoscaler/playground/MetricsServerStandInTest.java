package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsServerStandInTest {

  @Test
  void readsCpuQuantitiesAsMillicores() {
    assertThat(MetricsServerStandIn.millicores("800m")).isEqualTo(800);
    assertThat(MetricsServerStandIn.millicores("1.5")).isEqualTo(1500);
    assertThat(MetricsServerStandIn.millicores("2")).isEqualTo(2000);
    assertThat(MetricsServerStandIn.millicores("0")).isZero();
  }

  @Test
  void refusesWhatIsNotACpuLoad() {
    assertThatThrownBy(() -> MetricsServerStandIn.millicores("-100m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-100m");
    assertThatThrownBy(() -> MetricsServerStandIn.millicores("lots"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharesTheLoadEvenlyAndNothingAmongNoPods() {
    assertThat(MetricsServerStandIn.shareOf(800, 5)).isEqualTo(160);
    assertThat(MetricsServerStandIn.shareOf(100, 3)).isEqualTo(33);
    assertThat(MetricsServerStandIn.shareOf(800, 0)).isZero();
  }
}
