package com.custompodautoscaler.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FenceTest {

  private static final Instant SENT = Instant.parse("2026-12-07T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(15);
  private static final Duration MARGIN = Duration.ofSeconds(2);

  @Test
  void aReplicaActsUntilItsHoldLessTheMarginHasRunOut() {
    assertThat(Fence.mayAct(SENT, LEASE, MARGIN, SENT.plusSeconds(12))).isTrue();
    assertThat(Fence.mayAct(SENT, LEASE, MARGIN, SENT.plusMillis(12_999))).isTrue();
    assertThat(Fence.mayAct(SENT, LEASE, MARGIN, SENT.plusSeconds(13))).isFalse();
  }

  @Test
  void aReplicaPausedPastItsLeaseMayNotAct() {
    assertThat(Fence.mayAct(SENT, LEASE, MARGIN, SENT.plusSeconds(60))).isFalse();
  }
}
