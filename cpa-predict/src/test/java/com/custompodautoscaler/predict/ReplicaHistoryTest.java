package com.custompodautoscaler.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaHistoryTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void keepsTimeOrderTheNewestAndNothingOlderThanItsAge() {
    ReplicaHistory history = ReplicaHistory.empty();
    for (int i = 0; i < 10; i++) {
      history =
          history.with(
              new Observation(T0.plusSeconds(15L * i), i), 6, Optional.of(Duration.ofSeconds(60)));
    }

    assertThat(history.observations())
        .extracting(Observation::replicas)
        .as("the newest six, and none older than 60 s before the newest")
        .containsExactly(5, 6, 7, 8, 9);
    assertThat(history.newest(2)).extracting(Observation::replicas).containsExactly(8, 9);
    assertThatThrownBy(
            () ->
                ReplicaHistory.empty()
                    .with(new Observation(T0, 1), 5, Optional.of(WEEK))
                    .with(new Observation(T0.minusSeconds(1), 1), 5, Optional.of(WEEK)))
        .hasMessageContaining("comes before the newest kept");
  }

  @Test
  void aWeekAtFifteenSecondsFitsInTheStatusAndComesBackTheSame() {
    ReplicaHistory history = ReplicaHistory.empty();
    int week = 7 * 24 * 60 * 4;
    for (int i = 0; i < week; i++) {
      int replicas = 20 + (int) Math.round(15 * Math.sin(2 * Math.PI * i / 5760.0));
      history =
          history.with(
              new Observation(T0.plusSeconds(15L * i + i % 3), replicas), week, Optional.of(WEEK));
    }

    String text = history.encode();

    assertThat(history.observations()).hasSize(week);
    assertThat(text.length()).as("characters for a week").isLessThan(200_000);
    assertThat(ReplicaHistory.decode(text).observations()).isEqualTo(history.observations());
  }

  @Test
  void aDamagedTextIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> ReplicaHistory.decode("x"))
        .hasMessage("a replica history starts with h1:");
    assertThatThrownBy(() -> ReplicaHistory.decode("h1:%%%"))
        .hasMessageStartingWith("a replica history is base64");
    assertThatThrownBy(() -> ReplicaHistory.decode("h1:gA=="))
        .hasMessage("a replica history ends in the middle of a number");
  }
}
