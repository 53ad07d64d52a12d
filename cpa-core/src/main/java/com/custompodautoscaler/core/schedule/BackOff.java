package com.custompodautoscaler.core.schedule;

/**
 * How many ticks an autoscaler whose runs keep failing lets pass before it runs again, so that a
 * broken CPA in a host that runs thousands costs the API server little. {@link #NONE} runs on every
 * tick, as CPA v2 does; {@link #DOUBLING} runs on every tick for the first two failures in a row,
 * then doubles the wait with each further failure, up to {@value #MOST_TICKS_BETWEEN} ticks between
 * runs. A run that succeeds ends the back-off.
 */
public enum BackOff {
  NONE,
  DOUBLING;

  /** The most ticks between two runs of {@link #DOUBLING}: 5 minutes at a 15 s interval. */
  public static final int MOST_TICKS_BETWEEN = 20;

  private static final int FAILURES_BEFORE_BACKING_OFF = 2;

  /** How many ticks to skip after {@code failuresInARow} runs in a row have failed. */
  public int ticksToSkip(int failuresInARow) {
    if (this == NONE || failuresInARow <= FAILURES_BEFORE_BACKING_OFF) {
      return 0;
    }
    int doublings = Math.min(failuresInARow - FAILURES_BEFORE_BACKING_OFF, 5);
    return Math.min((1 << doublings) - 1, MOST_TICKS_BETWEEN - 1);
  }
}
