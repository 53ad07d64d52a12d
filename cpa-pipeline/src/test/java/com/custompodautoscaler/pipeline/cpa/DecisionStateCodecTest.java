package com.custompodautoscaler.pipeline.cpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.ScaleEventEntry;
import com.custompodautoscaler.api.v1.StabilizationEntry;
import com.custompodautoscaler.core.behavior.ScaleEvent;
import com.custompodautoscaler.core.behavior.ScaleEvents;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionStateCodecTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123Z");

  @Test
  void aStateSurvivesTheRoundTripExactly() {
    DecisionState state =
        new DecisionState(
            new RecommendationHistory(
                List.of(new Recommendation(T0, 5), new Recommendation(T0.plusSeconds(15), 2))),
            new ScaleEvents(List.of(new ScaleEvent(T0, 3))),
            new ScaleEvents(List.of(new ScaleEvent(T0.plusSeconds(15), 1))));
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();

    DecisionStateCodec.encodeInto(state, status);

    assertThat(status.getStabilizationWindow())
        .extracting(StabilizationEntry::getTime, StabilizationEntry::getReplicas)
        .containsExactly(
            tuple("2026-11-28T10:00:00.123Z", 5), tuple("2026-11-28T10:00:15.123Z", 2));
    assertThat(status.getScaleUpEvents())
        .extracting(ScaleEventEntry::getTime, ScaleEventEntry::getReplicaChange)
        .containsExactly(tuple("2026-11-28T10:00:00.123Z", 3));
    assertThat(DecisionStateCodec.decode(status)).isEqualTo(state);
  }

  @Test
  void aStatusThatKeptNothingIsTheEmptyState() {
    assertThat(DecisionStateCodec.decode(new CustomPodAutoscalerStatus()))
        .isEqualTo(DecisionState.empty());
  }

  @Test
  void entriesThatCannotBeReadAreLeftOutAndTheRestKept() {
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();
    status.setStabilizationWindow(
        List.of(
            new StabilizationEntry("yesterday", 4),
            new StabilizationEntry(null, 4),
            new StabilizationEntry(T0.toString(), null),
            new StabilizationEntry(T0.toString(), -1),
            new StabilizationEntry(T0.toString(), 3)));
    status.setScaleDownEvents(
        List.of(
            new ScaleEventEntry(T0.toString(), 0),
            new ScaleEventEntry("soon", 2),
            new ScaleEventEntry(T0.toString(), 2)));

    DecisionState decoded = DecisionStateCodec.decode(status);

    assertThat(decoded.recommendations().recommendations())
        .containsExactly(new Recommendation(T0, 3));
    assertThat(decoded.scaleDownEvents().events()).containsExactly(new ScaleEvent(T0, 2));
  }
}
