package com.custompodautoscaler.core.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The recommendations inside the stabilization window, oldest first. Immutable. */
public record RecommendationHistory(List<Recommendation> recommendations) {

  public RecommendationHistory {
    recommendations = List.copyOf(recommendations);
  }

  /** A history with no recommendations, as every autoscaler starts. */
  public static RecommendationHistory empty() {
    return new RecommendationHistory(List.of());
  }

  /** This history without the recommendations made strictly before {@code cutoff}. */
  public RecommendationHistory withoutEntriesBefore(Instant cutoff) {
    return new RecommendationHistory(
        recommendations.stream().filter(entry -> !entry.at().isBefore(cutoff)).toList());
  }

  /** The recommendations made strictly after {@code cutoff}. */
  public RecommendationHistory madeAfter(Instant cutoff) {
    return new RecommendationHistory(
        recommendations.stream().filter(entry -> entry.at().isAfter(cutoff)).toList());
  }

  /** This history with {@code recommendation} appended. */
  public RecommendationHistory with(Recommendation recommendation) {
    List<Recommendation> appended = new ArrayList<>(recommendations);
    appended.add(recommendation);
    return new RecommendationHistory(appended);
  }

  /** The highest recommended replica count, or 0 for an empty history. */
  public int maxReplicas() {
    return recommendations.stream().mapToInt(Recommendation::replicas).max().orElse(0);
  }

  /** The lowest recommended replica count, or {@code whenEmpty} for an empty history. */
  public int minReplicasOr(int whenEmpty) {
    return recommendations.stream().mapToInt(Recommendation::replicas).min().orElse(whenEmpty);
  }

  /** Whether no recommendation has been kept yet. */
  public boolean isEmpty() {
    return recommendations.isEmpty();
  }
}
