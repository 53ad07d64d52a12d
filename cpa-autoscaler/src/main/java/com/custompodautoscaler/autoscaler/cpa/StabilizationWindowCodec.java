package com.custompodautoscaler.autoscaler.cpa;

import com.custompodautoscaler.api.v1.StabilizationEntry;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** The stabilization history as the CustomPodAutoscaler's status keeps it, and back. */
final class StabilizationWindowCodec {

  private StabilizationWindowCodec() {}

  static List<StabilizationEntry> encode(RecommendationHistory history) {
    return history.recommendations().stream()
        .map(entry -> new StabilizationEntry(entry.at().toString(), entry.replicas()))
        .toList();
  }

  /** The history in {@code entries}, leaving out any entry that cannot be read. */
  static RecommendationHistory decode(List<StabilizationEntry> entries) {
    if (entries == null) {
      return RecommendationHistory.empty();
    }
    return new RecommendationHistory(
        entries.stream().map(StabilizationWindowCodec::decode).filter(Objects::nonNull).toList());
  }

  private static Recommendation decode(StabilizationEntry entry) {
    try {
      if (entry.getTime() == null || entry.getReplicas() == null || entry.getReplicas() < 0) {
        return null;
      }
      return new Recommendation(Instant.parse(entry.getTime()), entry.getReplicas());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
