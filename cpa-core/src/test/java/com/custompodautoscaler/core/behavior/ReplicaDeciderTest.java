package com.custompodautoscaler.core.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplicaDeciderTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final ReplicaBounds BOUNDS = new ReplicaBounds(1, 50);

  @Test
  void withoutABehaviorAScaleUpIsNeitherDelayedNorLimited() {
    ReplicaDecider decider = ReplicaDecider.withDownscaleStabilization(BOUNDS, Duration.ZERO);

    BehaviorDecision decision = decider.decide(2, 40, BehaviorState.empty(), NOW);

    assertThat(decision.targetReplicas()).isEqualTo(40);
    assertThat(decision.reason()).isEqualTo(DecisionReason.AS_EVALUATED);
  }

  @Test
  void withoutABehaviorTheWindowHoldsADownscaleAndRescalesAreNotRemembered() {
    ReplicaDecider decider =
        ReplicaDecider.withDownscaleStabilization(BOUNDS, Duration.ofSeconds(60));
    BehaviorDecision up = decider.decide(2, 8, BehaviorState.empty(), NOW);
    BehaviorState afterUp = decider.afterRescale(up.state(), 2, 8, NOW);

    BehaviorDecision down = decider.decide(8, 3, afterUp, NOW.plusSeconds(30));

    assertThat(afterUp).isEqualTo(up.state());
    assertThat(down.targetReplicas()).isEqualTo(8);
    assertThat(down.reason()).isEqualTo(DecisionReason.DOWNSCALE_STABILIZED);
  }

  @Test
  void theDefaultBehaviorLimitsAScaleUpToTheLargerOfFourPodsAndDoubling() {
    ReplicaDecider decider = ReplicaDecider.withBehavior(BOUNDS, ScalingBehavior.defaults());

    BehaviorDecision fromTwo = decider.decide(2, 40, BehaviorState.empty(), NOW);
    BehaviorDecision fromTen = decider.decide(10, 40, BehaviorState.empty(), NOW);

    assertThat(fromTwo.targetReplicas()).isEqualTo(6);
    assertThat(fromTen.targetReplicas()).isEqualTo(20);
    assertThat(fromTen.reason()).isEqualTo(DecisionReason.SCALE_UP_LIMITED);
  }

  @Test
  void withABehaviorAppliedRescalesCountInTheirPeriod() {
    ReplicaDecider decider = ReplicaDecider.withBehavior(BOUNDS, ScalingBehavior.defaults());
    BehaviorDecision first = decider.decide(2, 40, BehaviorState.empty(), NOW);
    BehaviorState afterFirst = decider.afterRescale(first.state(), 2, 6, NOW);

    BehaviorDecision second = decider.decide(6, 40, afterFirst, NOW.plusSeconds(5));

    assertThat(second.targetReplicas())
        .as("the period started at 2 replicas: at most 6, which is already reached")
        .isEqualTo(6);
  }
}
