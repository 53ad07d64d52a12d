package com.custompodautoscaler.predict;

/**
 * How a forecast becomes a replica count: rounded up, as the Predictive HPA does with {@code
 * math.ceil}, after forgiving the last bits of floating-point error. A forecast within 1e-9 above a
 * whole number counts as that number, so 1.0000000000000004, which another order of the same sums
 * gives where statsmodels gives 0.999999999999999, is 1 replica, not 2.
 */
public final class Rounding {

  /** How far above a whole number a forecast may be and still count as it. */
  public static final double TOLERANCE = 1e-9;

  private Rounding() {}

  /**
   * @throws IllegalArgumentException when {@code forecast} is not a finite number
   */
  public static int replicas(double forecast) {
    if (!Double.isFinite(forecast)) {
      throw new IllegalArgumentException("the forecast is not a number: " + forecast);
    }
    double rounded = Math.ceil(forecast - TOLERANCE);
    if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE) {
      throw new IllegalArgumentException("the forecast is out of range: " + forecast);
    }
    return (int) rounded;
  }
}
