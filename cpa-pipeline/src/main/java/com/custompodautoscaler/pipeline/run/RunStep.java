package com.custompodautoscaler.pipeline.run;

/** The part of a run that failed, with the prefix CPA v2 gives its errors. */
public enum RunStep {
  READ_TARGET("failed to get managed resource"),
  READ_SCALE("failed to get scale subresource"),
  METRICS("failed to get metrics"),
  EVALUATION("failed to get evaluation"),
  SCALING("failed to scale resource"),
  INTERRUPTED("run interrupted"),
  UNEXPECTED("run failed unexpectedly");

  private final String failurePrefix;

  RunStep(String failurePrefix) {
    this.failurePrefix = failurePrefix;
  }

  /**
   * {@code detail} under this step's prefix, which it is not given twice: the evaluate method's own
   * failure already begins with it, as in CPA v2 ({@code failed to get evaluation: exit status 1}).
   */
  String prefixed(String detail) {
    return detail.startsWith(failurePrefix + ": ") ? detail : failurePrefix + ": " + detail;
  }
}
