package com.custompodautoscaler.core.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToleranceTest {

  @Test
  void eachDirectionHasItsOwnBound() {
    Tolerance tolerance = new Tolerance(0.5, 0.05);

    assertThat(tolerance.isWithin(1.5)).isTrue();
    assertThat(tolerance.isWithin(1.51)).isFalse();
    assertThat(tolerance.isWithin(0.95)).isTrue();
    assertThat(tolerance.isWithin(0.94)).isFalse();
  }

  @Test
  void aRatioThatIsNotANumberIsNeverWithin() {
    assertThat(Tolerance.DEFAULT.isWithin(Double.NaN)).isFalse();
  }

  @Test
  void aNegativeToleranceIsRejected() {
    assertThatThrownBy(() -> Tolerance.symmetric(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale-up tolerance must be a finite number of at least 0, got -0.1");
  }
}
