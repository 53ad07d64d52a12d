package com.custompodautoscaler.pipeline.run;

/**
 * The scale stage failed after deciding: a hook failed, or setting the replicas did. Carries the
 * outcome as far as it got, so that the run reports the decision and keeps its state, and the
 * failure itself to fail the run with.
 */
final class ScaleFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ScaleOutcome reached;
  private final RuntimeException failure;

  ScaleFailure(ScaleOutcome reached, RuntimeException failure) {
    super(failure.getMessage(), failure);
    this.reached = reached;
    this.failure = failure;
  }

  /** The outcome before the failure: the decision, and whether it was applied. */
  ScaleOutcome reached() {
    return reached;
  }

  /** What failed, as the stage threw it. */
  RuntimeException failure() {
    return failure;
  }
}
