package com.custompodautoscaler.core.model;

import java.util.List;

/** A point in a run where user logic is called: the two stages and the six hooks around them. */
public enum Stage {
  PRE_METRIC("preMetric"),
  METRIC("metric"),
  POST_METRIC("postMetric"),
  PRE_EVALUATE("preEvaluate"),
  EVALUATE("evaluate"),
  POST_EVALUATE("postEvaluate"),
  PRE_SCALE("preScale"),
  POST_SCALE("postScale");

  private final String configKey;

  Stage(String configKey) {
    this.configKey = configKey;
  }

  /** The config key that holds this stage's method. */
  public String configKey() {
    return configKey;
  }

  /** Whether a config must define this stage; hooks are optional. */
  public boolean isRequired() {
    return this == METRIC || this == EVALUATE;
  }

  /** The six optional hooks, in the order a run reaches them. */
  public static List<Stage> hooks() {
    return List.of(PRE_METRIC, POST_METRIC, PRE_EVALUATE, POST_EVALUATE, PRE_SCALE, POST_SCALE);
  }
}
