package com.custompodautoscaler.core.hpa;

/**
 * How far a usage ratio may stray from 1 before the HPA changes the replica count, separately for
 * each direction: a ratio is within tolerance when {@code 1 - scaleDown <= ratio <= 1 + scaleUp}.
 */
public record Tolerance(double scaleUp, double scaleDown) {

  /** The HPA's default of 10 % either way. */
  public static final Tolerance DEFAULT = new Tolerance(0.1, 0.1);

  public Tolerance {
    requireValid(scaleUp, "scale-up");
    requireValid(scaleDown, "scale-down");
  }

  /** The same tolerance in both directions. */
  public static Tolerance symmetric(double tolerance) {
    return new Tolerance(tolerance, tolerance);
  }

  /** Whether {@code usageRatio} is close enough to 1 to leave the replica count alone. */
  public boolean isWithin(double usageRatio) {
    return 1.0 - scaleDown <= usageRatio && usageRatio <= 1.0 + scaleUp;
  }

  private static void requireValid(double tolerance, String direction) {
    if (!Double.isFinite(tolerance) || tolerance < 0) {
      throw new IllegalArgumentException(
          direction + " tolerance must be a finite number of at least 0, got " + tolerance);
    }
  }
}
