package com.custompodautoscaler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TickScheduleTest {

  private static final Instant MINUTE = Instant.parse("2026-01-01T12:00:00Z");

  record AlignmentCase(String name, Instant now, long startTimeMillis, long expectedDelayMillis) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<AlignmentCase> alignments() {
    return Stream.of(
        new AlignmentCase(
            "45.5 s into a minute waits for the next minute",
            MINUTE.plusMillis(45_500),
            60_000,
            14_500),
        new AlignmentCase("startTime 1 waits a millisecond", MINUTE.plusMillis(123), 1, 1),
        new AlignmentCase("exactly on a boundary waits a full period", MINUTE, 60_000, 60_000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alignments")
  void alignsTheStartToAMultipleOfStartTime(AlignmentCase c) {
    assertThat(TickSchedule.delayUntilAlignedStart(c.now(), Duration.ofMillis(c.startTimeMillis())))
        .isEqualTo(Duration.ofMillis(c.expectedDelayMillis()));
  }

  @Test
  void firstRunComesOneIntervalAfterTheAlignedStart() {
    TickSchedule schedule =
        TickSchedule.startingAt(
            MINUTE.plusMillis(45_500), Duration.ofMinutes(1), Duration.ofSeconds(10));

    assertThat(schedule.alignedStart()).isEqualTo(MINUTE.plusSeconds(60));
    assertThat(schedule.first().runAt()).isEqualTo(MINUTE.plusSeconds(70));
  }

  @Test
  void aRunThatEndsInTimeWaitsForTheNextGridTick() {
    TickSchedule schedule = TickSchedule.startingAt(MINUTE, Duration.ofMillis(1), interval());
    Tick first = schedule.first();

    Tick next = schedule.after(first.gridTick(), first.gridTick().plusSeconds(2));

    assertThat(next.runAt()).isEqualTo(first.gridTick().plusSeconds(10));
    assertThat(next.gridTick()).isEqualTo(next.runAt());
  }

  @Test
  void anOverrunKeepsOnePendingTickAndDropsTheRest() {
    TickSchedule schedule = TickSchedule.startingAt(MINUTE, Duration.ofMillis(1), interval());
    Instant tick = schedule.first().gridTick();

    Tick pending = schedule.after(tick, tick.plusSeconds(35));

    assertThat(pending.runAt()).isEqualTo(tick.plusSeconds(35));
    assertThat(pending.gridTick()).isEqualTo(tick.plusSeconds(30));
    Tick afterPending = schedule.after(pending.gridTick(), tick.plusSeconds(36));
    assertThat(afterPending.runAt()).isEqualTo(tick.plusSeconds(40));
  }

  @Test
  void rejectsANonPositiveStartTime() {
    assertThatThrownBy(() -> TickSchedule.delayUntilAlignedStart(MINUTE, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startTime");
  }

  private static Duration interval() {
    return Duration.ofSeconds(10);
  }
}
