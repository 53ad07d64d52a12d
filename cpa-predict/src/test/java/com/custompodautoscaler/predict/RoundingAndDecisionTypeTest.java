package com.custompodautoscaler.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundingAndDecisionTypeTest {

  @Test
  void aForecastRoundsUpButNotForTheLastBitsOfFloatingPointError() {
    assertThat(Rounding.replicas(0.9999999999999992)).isEqualTo(1);
    assertThat(Rounding.replicas(1.0000000000000004)).isEqualTo(1);
    assertThat(Rounding.replicas(1.000001)).isEqualTo(2);
    assertThat(Rounding.replicas(2.5)).isEqualTo(3);
    assertThat(Rounding.replicas(-0.4)).isZero();
    assertThatThrownBy(() -> Rounding.replicas(Double.NaN))
        .hasMessage("the forecast is not a number: NaN");
  }

  /** The Predictive HPA's published decisions (internal/scalebehavior tests). */
  @Test
  void theDecisionTypesDecideAsThePredictiveHpas() {
    List<Integer> five = List.of(1, 10, 8, 15, 0);
    List<Integer> six = List.of(1, 10, 8, 15, 0, 7);

    assertThat(DecisionType.MAXIMUM.decide(five)).isEqualTo(15);
    assertThat(DecisionType.MINIMUM.decide(five)).isZero();
    assertThat(DecisionType.MEAN.decide(five)).isEqualTo(7);
    assertThat(DecisionType.MEDIAN.decide(five)).isEqualTo(8);
    assertThat(DecisionType.MEDIAN.decide(six)).isEqualTo(7);
    for (DecisionType type : DecisionType.values()) {
      assertThat(type.decide(List.of())).as(type.configName()).isZero();
    }
    assertThat(DecisionType.MEAN.decide(List.of(-3, 1))).isZero();
    assertThat(DecisionType.parse("median")).isEqualTo(DecisionType.MEDIAN);
    assertThatThrownBy(() -> DecisionType.parse("max"))
        .hasMessage("'max' is not maximum, minimum, mean or median");
  }
}
