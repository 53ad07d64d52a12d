package com.custompodautoscaler.pipeline.run;

/**
 * A run that failed. The message is CPA v2's chain, for example {@code failed to get metrics:
 * failed to gather metrics: exit status 1}, its run-level prefix given once ({@code failed to get
 * evaluation: exit status 1}); {@link #detail()} is the failure without the run-level prefix, as
 * the REST API reports it.
 */
public final class RunException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RunStep step;
  private final String detail;

  RunException(RunStep step, String detail, Throwable cause) {
    super(step.prefixed(detail), cause);
    this.step = step;
    this.detail = detail;
  }

  /** The part of the run that failed. */
  public RunStep step() {
    return step;
  }

  /** The failure without the run-level prefix. */
  public String detail() {
    return detail;
  }
}
