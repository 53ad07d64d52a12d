package com.custompodautoscaler.core.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShardKeyTest {

  @Test
  void aCpasShardNeverChanges() {
    // Pinned, computed apart from this code (FNV-1a 64 and the finalizer, in Python): a change here
    // moves every hosted CPA to another shard on upgrade.
    assertThat(ShardKey.of("default", "getting-started", 32))
        .isEqualTo(ShardKey.of("default", "getting-started", 32))
        .isEqualTo(PINNED_GETTING_STARTED);
    assertThat(ShardKey.of("shop", "checkout", 32)).isEqualTo(PINNED_CHECKOUT);
  }

  @Test
  void twoThousandCpasOfSimilarNamesSpreadEvenlyOverTheShards() {
    int[] perShard = new int[32];
    for (int i = 0; i < 2000; i++) {
      perShard[ShardKey.of("team-" + (i % 7), "autoscaler-" + i, 32)]++;
    }
    // 62.5 on average; a fair hash keeps every shard within about four standard deviations.
    assertThat(Arrays.stream(perShard).min().getAsInt()).isGreaterThanOrEqualTo(33);
    assertThat(Arrays.stream(perShard).max().getAsInt()).isLessThanOrEqualTo(92);
  }

  @Test
  void theNamespaceCounts() {
    long differing = 0;
    for (int i = 0; i < 100; i++) {
      if (ShardKey.of("a", "cpa-" + i, 32) != ShardKey.of("b", "cpa-" + i, 32)) {
        differing++;
      }
    }
    assertThat(differing).isGreaterThan(80);
  }

  @Test
  void noShardsIsRefused() {
    assertThatThrownBy(() -> ShardKey.of("default", "x", 0))
        .hasMessage("shardCount must be at least 1, not 0");
  }

  private static final int PINNED_GETTING_STARTED = 16;
  private static final int PINNED_CHECKOUT = 5;
}
