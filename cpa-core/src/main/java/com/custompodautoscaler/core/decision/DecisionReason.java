package com.custompodautoscaler.core.decision;

/** Why a decision landed on its replica count. */
public enum DecisionReason {
  /** The evaluation was inside the bounds and nothing held it back. */
  AS_EVALUATED("as_evaluated"),
  /** The evaluation was below {@code minReplicas}. */
  RAISED_TO_MIN("raised_to_min"),
  /** The evaluation was above {@code maxReplicas}. */
  LOWERED_TO_MAX("lowered_to_max"),
  /** A higher recommendation inside the downscale stabilization window held the count up. */
  DOWNSCALE_STABILIZED("downscale_stabilized"),
  /** A lower recommendation inside the scale-up stabilization window held the count down. */
  SCALE_UP_STABILIZED("scale_up_stabilized"),
  /** The scale-up rate policies allowed fewer replicas than the evaluation asked for. */
  SCALE_UP_LIMITED("scale_up_limited"),
  /** The scale-down rate policies allowed removing fewer replicas than the evaluation asked for. */
  SCALE_DOWN_LIMITED("scale_down_limited"),
  /** The target had more than {@code maxReplicas}, so it goes to the maximum unevaluated. */
  CURRENT_ABOVE_MAX("current_above_max"),
  /** The target had fewer than {@code minReplicas}, so it goes to the minimum unevaluated. */
  CURRENT_BELOW_MIN("current_below_min"),
  /** The target has 0 replicas and {@code minReplicas} is above 0: autoscaling is off. */
  AUTOSCALING_DISABLED("autoscaling_disabled");

  private final String wireName;

  DecisionReason(String wireName) {
    this.wireName = wireName;
  }

  /** The stable name used in logs and metrics. */
  public String wireName() {
    return wireName;
  }
}
