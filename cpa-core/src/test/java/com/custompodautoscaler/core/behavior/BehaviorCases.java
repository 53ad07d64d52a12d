package com.custompodautoscaler.core.behavior;

import com.custompodautoscaler.core.decision.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Builders shared by the behavior tests; times are seconds before {@link #NOW}. */
public final class BehaviorCases {

  public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private BehaviorCases() {}

  public static RatePolicy pods(int pods, int periodSeconds) {
    return RatePolicy.pods(pods, Duration.ofSeconds(periodSeconds));
  }

  public static RatePolicy percent(int percent, int periodSeconds) {
    return RatePolicy.percent(percent, Duration.ofSeconds(periodSeconds));
  }

  public static ScalingRules rules(int windowSeconds, SelectPolicy select, RatePolicy... policies) {
    return new ScalingRules(Duration.ofSeconds(windowSeconds), select, List.of(policies));
  }

  /** Upstream's defaults with no scale-down window, so a scale down is not held back. */
  public static ScalingBehavior noDownscaleWindow() {
    return ScalingBehavior.defaults(Duration.ZERO);
  }

  public static Instant secondsAgo(int seconds) {
    return NOW.minusSeconds(seconds);
  }

  /** Pairs of (seconds ago, replicas). */
  public static List<Recommendation> recommendations(int... pairs) {
    return IntStream.range(0, pairs.length / 2)
        .mapToObj(i -> new Recommendation(secondsAgo(pairs[2 * i]), pairs[2 * i + 1]))
        .toList();
  }

  /** Pairs of (seconds ago, replica change). */
  public static ScaleEvents events(int... pairs) {
    return new ScaleEvents(
        IntStream.range(0, pairs.length / 2)
            .mapToObj(i -> new ScaleEvent(secondsAgo(pairs[2 * i]), pairs[2 * i + 1]))
            .toList());
  }
}
