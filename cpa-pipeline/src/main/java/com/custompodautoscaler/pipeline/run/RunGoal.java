package com.custompodautoscaler.pipeline.run;

/** How far a run goes. */
public enum RunGoal {
  /** Gather metrics only: {@code GET /api/v1/metrics}. */
  METRICS,
  /** Gather and evaluate, scale nothing: a dry-run {@code POST /api/v1/evaluation}. */
  EVALUATION,
  /** The whole run: a scheduled run, or {@code POST /api/v1/evaluation}. */
  SCALE
}
