package com.custompodautoscaler.pipeline.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.ScaleEventEntry;
import com.custompodautoscaler.api.v1.StabilizationEntry;
import com.custompodautoscaler.core.behavior.ScaleEvent;
import com.custompodautoscaler.core.behavior.ScaleEvents;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state decisions keep between runs (the stabilization window and the rescales the rate
 * policies count, and the evaluate method's state) as the CustomPodAutoscaler's status keeps it,
 * and back. An entry that cannot be read is left out on the way back, so a damaged status costs
 * that entry only.
 */
final class DecisionStateCodec {

  private DecisionStateCodec() {}

  /** Writes {@code state} into the fields of {@code status} that keep it. */
  static void encodeInto(DecisionState state, CustomPodAutoscalerStatus status) {
    status.setStabilizationWindow(
        state.recommendations().recommendations().stream()
            .map(entry -> new StabilizationEntry(entry.at().toString(), entry.replicas()))
            .toList());
    status.setScaleUpEvents(encode(state.scaleUpEvents()));
    status.setScaleDownEvents(encode(state.scaleDownEvents()));
    status.setLogicState(state.logicState().orElse(null));
  }

  /** Copies the fields that keep the state from {@code from} to {@code to}. */
  static void copy(CustomPodAutoscalerStatus from, CustomPodAutoscalerStatus to) {
    to.setStabilizationWindow(from.getStabilizationWindow());
    to.setScaleUpEvents(from.getScaleUpEvents());
    to.setScaleDownEvents(from.getScaleDownEvents());
    to.setLogicState(from.getLogicState());
  }

  /** The state {@code status} keeps; nothing kept is the empty state. */
  static DecisionState decode(CustomPodAutoscalerStatus status) {
    return new DecisionState(
        new RecommendationHistory(
            readable(status.getStabilizationWindow(), DecisionStateCodec::recommendation)),
        new ScaleEvents(readable(status.getScaleUpEvents(), DecisionStateCodec::event)),
        new ScaleEvents(readable(status.getScaleDownEvents(), DecisionStateCodec::event)),
        Optional.ofNullable(status.getLogicState()));
  }

  private static List<ScaleEventEntry> encode(ScaleEvents events) {
    return events.events().stream()
        .map(event -> new ScaleEventEntry(event.at().toString(), event.replicaChange()))
        .toList();
  }

  private static <E, T> List<T> readable(List<E> entries, Function<E, T> read) {
    if (entries == null) {
      return List.of();
    }
    return entries.stream().map(read).filter(Objects::nonNull).toList();
  }

  private static Recommendation recommendation(StabilizationEntry entry) {
    Instant at = instant(entry.getTime());
    if (at == null || entry.getReplicas() == null || entry.getReplicas() < 0) {
      return null;
    }
    return new Recommendation(at, entry.getReplicas());
  }

  private static ScaleEvent event(ScaleEventEntry entry) {
    Instant at = instant(entry.getTime());
    if (at == null || entry.getReplicaChange() == null || entry.getReplicaChange() <= 0) {
      return null;
    }
    return new ScaleEvent(at, entry.getReplicaChange());
  }

  private static Instant instant(String time) {
    if (time == null) {
      return null;
    }
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
