package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PodEndpointsTest {

  @Test
  void spreadsTheLoadSoThatThePodsSharesAddUpToIt() {
    assertThat(IntStream.range(0, 4).map(i -> PodEndpoints.shareOf(30, 4, i)).toArray())
        .containsExactly(8, 8, 7, 7);
    assertThat(IntStream.range(0, 3).map(i -> PodEndpoints.shareOf(75, 3, i)).sum()).isEqualTo(75);
    assertThat(PodEndpoints.shareOf(5, 0, 0)).isZero();
    assertThat(PodEndpoints.shareOf(5, 2, -1)).isZero();
  }
}
