package com.custompodautoscaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.behavior.ScalingBehavior;
import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final ReplicaBounds BOUNDS = new ReplicaBounds(1, 50);

  @Test
  void withoutABehaviorAScaleUpIsNeitherDelayedNorLimited() {
    DecisionRules rules = new CpaDownscaleStabilization(Duration.ZERO);

    ReplicaDecision decision = rules.decide(input(2, 40, DecisionState.empty(), NOW));

    assertThat(decision.targetReplicas()).isEqualTo(40);
    assertThat(decision.reason()).isEqualTo(DecisionReason.AS_EVALUATED);
  }

  @Test
  void withoutABehaviorTheWindowHoldsADownscaleAndRescalesAreNotRemembered() {
    DecisionRules rules = new CpaDownscaleStabilization(Duration.ofSeconds(60));
    ReplicaDecision up = rules.decide(input(2, 8, DecisionState.empty(), NOW));
    DecisionState afterUp = rules.afterRescale(up.state(), 2, 8, NOW);

    ReplicaDecision down = rules.decide(input(8, 3, afterUp, NOW.plusSeconds(30)));

    assertThat(afterUp).isEqualTo(up.state());
    assertThat(down.targetReplicas()).isEqualTo(8);
    assertThat(down.reason()).isEqualTo(DecisionReason.DOWNSCALE_STABILIZED);
  }

  @Test
  void theHpaWithoutABehaviorRemembersNoRescalesEither() {
    DecisionRules rules = new HpaWithoutBehavior(Duration.ofMinutes(5));
    ReplicaDecision up = rules.decide(input(2, 8, DecisionState.empty(), NOW));

    assertThat(rules.afterRescale(up.state(), 2, 4, NOW)).isEqualTo(up.state());
  }

  @Test
  void theDefaultBehaviorLimitsAScaleUpToTheLargerOfFourPodsAndDoubling() {
    DecisionRules rules = new HpaWithBehavior(ScalingBehavior.defaults());

    ReplicaDecision fromTwo = rules.decide(input(2, 40, DecisionState.empty(), NOW));
    ReplicaDecision fromTen = rules.decide(input(10, 40, DecisionState.empty(), NOW));

    assertThat(fromTwo.targetReplicas()).isEqualTo(6);
    assertThat(fromTen.targetReplicas()).isEqualTo(20);
    assertThat(fromTen.reason()).isEqualTo(DecisionReason.SCALE_UP_LIMITED);
  }

  @Test
  void withABehaviorAppliedRescalesCountInTheirPeriod() {
    DecisionRules rules = new HpaWithBehavior(ScalingBehavior.defaults());
    ReplicaDecision first = rules.decide(input(2, 40, DecisionState.empty(), NOW));
    DecisionState afterFirst = rules.afterRescale(first.state(), 2, 6, NOW);

    ReplicaDecision second = rules.decide(input(6, 40, afterFirst, NOW.plusSeconds(5)));

    assertThat(second.targetReplicas())
        .as("the period started at 2 replicas: at most 6, which is already reached")
        .isEqualTo(6);
  }

  @Test
  void rulesWithoutABehaviorKeepTheRescalesTheyFindForALaterBehavior() {
    DecisionState withRescale =
        new HpaWithBehavior(ScalingBehavior.defaults())
            .afterRescale(DecisionState.empty(), 2, 6, NOW);

    ReplicaDecision decision =
        new CpaDownscaleStabilization(Duration.ZERO).decide(input(6, 7, withRescale, NOW));

    assertThat(decision.state().scaleUpEvents()).isEqualTo(withRescale.scaleUpEvents());
  }

  private static DecisionInput input(int current, int evaluated, DecisionState state, Instant at) {
    return new DecisionInput(current, evaluated, BOUNDS, state, at);
  }
}
