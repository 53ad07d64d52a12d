package com.custompodautoscaler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackOffTest {

  @Test
  void doublingWaitsTwiceAsLongAfterEachFailureFromTheThirdUpToTwentyTicks() {
    assertThat(IntStream.rangeClosed(0, 9).map(BackOff.DOUBLING::ticksToSkip).toArray())
        .containsExactly(0, 0, 0, 1, 3, 7, 15, 19, 19, 19);
  }

  @Test
  void noneRunsOnEveryTick() {
    assertThat(IntStream.rangeClosed(0, 100).map(BackOff.NONE::ticksToSkip).distinct().toArray())
        .containsExactly(0);
  }
}
