package com.custompodautoscaler.autoscaler.cpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.custompodautoscaler.api.v1.StabilizationEntry;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StabilizationWindowCodecTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123Z");

  @Test
  void aHistorySurvivesTheRoundTripExactly() {
    RecommendationHistory history =
        new RecommendationHistory(
            List.of(new Recommendation(T0, 5), new Recommendation(T0.plusSeconds(15), 2)));

    List<StabilizationEntry> entries = StabilizationWindowCodec.encode(history);

    assertThat(entries)
        .extracting(StabilizationEntry::getTime, StabilizationEntry::getReplicas)
        .containsExactly(
            tuple("2026-11-28T10:00:00.123Z", 5), tuple("2026-11-28T10:00:15.123Z", 2));
    assertThat(StabilizationWindowCodec.decode(entries)).isEqualTo(history);
  }

  @Test
  void noStoredWindowIsAnEmptyHistory() {
    assertThat(StabilizationWindowCodec.decode(null)).isEqualTo(RecommendationHistory.empty());
  }

  @Test
  void entriesThatCannotBeReadAreLeftOutAndTheRestKept() {
    List<StabilizationEntry> entries =
        List.of(
            new StabilizationEntry("yesterday", 4),
            new StabilizationEntry(null, 4),
            new StabilizationEntry(T0.toString(), null),
            new StabilizationEntry(T0.toString(), -1),
            new StabilizationEntry(T0.toString(), 3));

    assertThat(StabilizationWindowCodec.decode(entries).recommendations())
        .containsExactly(new Recommendation(T0, 3));
  }
}
