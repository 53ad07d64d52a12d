package com.custompodautoscaler.hpa;

import com.custompodautoscaler.core.hpa.Tolerance;
import java.util.Map;
import java.util.Optional;

/**
 * The HPA's own options, from environment variables as a CustomPodAutoscaler's {@code config}
 * entries deliver them: {@code tolerance} for both directions (default 0.1, as the HPA's), and
 * {@code scaleUpTolerance} and {@code scaleDownTolerance} for one direction each.
 */
record HpaOptions(Tolerance tolerance) {

  static final String TOLERANCE = "tolerance";
  static final String SCALE_UP_TOLERANCE = "scaleUpTolerance";
  static final String SCALE_DOWN_TOLERANCE = "scaleDownTolerance";

  /**
   * @throws IllegalArgumentException naming the variable when one is not a number from 0
   */
  static HpaOptions from(Map<String, String> env) {
    double both = number(env, TOLERANCE).orElse(Tolerance.DEFAULT.scaleUp());
    return new HpaOptions(
        new Tolerance(
            number(env, SCALE_UP_TOLERANCE).orElse(both),
            number(env, SCALE_DOWN_TOLERANCE).orElse(both)));
  }

  private static Optional<Double> number(Map<String, String> env, String name) {
    String written = env.get(name);
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    try {
      double value = Double.parseDouble(written.strip());
      if (Double.isFinite(value) && value >= 0) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "environment variable "
            + name
            + " must be a number from 0, such as 0.1; got '"
            + written
            + "'");
  }
}
