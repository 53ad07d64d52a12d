package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.RunType;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one run did: how far it got, what it read and decided, how long each part took. Immutable: a
 * run collects what its stages return and builds its report once, when it ends.
 */
public final class RunReport {

  private final RunType type;
  private final RunGoal goal;
  private final Map<String, Duration> stageDurations;
  private final Integer currentReplicas;
  private final GatheredMetrics metrics;
  private final boolean kubernetesMetricsGathered;
  private final List<MetricFailure> kubernetesMetricFailures;
  private final Integer evaluatedReplicas;
  private final ScaleOutcome scaleOutcome;
  private final RunException failure;
  private final Duration duration;

  private RunReport(Builder run, Duration duration) {
    this.type = run.type;
    this.goal = run.goal;
    this.stageDurations = Collections.unmodifiableMap(new LinkedHashMap<>(run.stageDurations));
    this.currentReplicas = run.currentReplicas;
    this.metrics = run.metrics;
    this.kubernetesMetricsGathered = run.kubernetesMetricsGathered;
    this.kubernetesMetricFailures = run.kubernetesMetricFailures;
    this.evaluatedReplicas = run.evaluatedReplicas;
    this.scaleOutcome = run.scaleOutcome;
    this.failure = run.failure;
    this.duration = Objects.requireNonNull(duration, "duration");
  }

  /** A run of {@code type} going as far as {@code goal}, to report once it ends. */
  static Builder builder(RunType type, RunGoal goal) {
    return new Builder(type, goal);
  }

  public RunType type() {
    return type;
  }

  public RunGoal goal() {
    return goal;
  }

  public boolean succeeded() {
    return failure == null;
  }

  public Optional<RunException> failure() {
    return Optional.ofNullable(failure);
  }

  public OptionalInt currentReplicas() {
    return currentReplicas == null ? OptionalInt.empty() : OptionalInt.of(currentReplicas);
  }

  /** The gathered metrics, when the run got that far. */
  public Optional<GatheredMetrics> metrics() {
    return Optional.ofNullable(metrics);
  }

  /** Whether the run got as far as gathering the Kubernetes metrics (none when none are set). */
  public boolean kubernetesMetricsGathered() {
    return kubernetesMetricsGathered;
  }

  /** The Kubernetes metrics that could not be gathered, required or not. */
  public List<MetricFailure> kubernetesMetricFailures() {
    return kubernetesMetricFailures;
  }

  public OptionalInt evaluatedReplicas() {
    return evaluatedReplicas == null ? OptionalInt.empty() : OptionalInt.of(evaluatedReplicas);
  }

  public Optional<ReplicaDecision> decision() {
    return scaleOutcome().map(ScaleOutcome::decision);
  }

  /** Whether the run changed the target's replicas. */
  public boolean scaled() {
    return scaleOutcome().map(ScaleOutcome::applied).orElse(false);
  }

  public Duration duration() {
    return duration;
  }

  /** Time spent in each stage that ran: target, metrics, evaluate, scale. */
  public Map<String, Duration> stageDurations() {
    return stageDurations;
  }

  /** What the scale stage did, when the run got as far as deciding. */
  Optional<ScaleOutcome> scaleOutcome() {
    return Optional.ofNullable(scaleOutcome);
  }

  /** What a run in progress has learnt so far; it belongs to that run alone. */
  static final class Builder {

    private final RunType type;
    private final RunGoal goal;
    private final Map<String, Duration> stageDurations = new LinkedHashMap<>();
    private Integer currentReplicas;
    private GatheredMetrics metrics;
    private boolean kubernetesMetricsGathered;
    private List<MetricFailure> kubernetesMetricFailures = List.of();
    private Integer evaluatedReplicas;
    private ScaleOutcome scaleOutcome;
    private RunException failure;

    private Builder(RunType type, RunGoal goal) {
      this.type = Objects.requireNonNull(type, "type");
      this.goal = Objects.requireNonNull(goal, "goal");
    }

    RunType type() {
      return type;
    }

    Builder readReplicas(int replicas) {
      currentReplicas = replicas;
      return this;
    }

    Builder gatheredKubernetesMetrics(List<MetricFailure> failures) {
      kubernetesMetricsGathered = true;
      kubernetesMetricFailures = List.copyOf(failures);
      return this;
    }

    Builder gathered(GatheredMetrics gathered) {
      metrics = gathered;
      return this;
    }

    Builder evaluated(int replicas) {
      evaluatedReplicas = replicas;
      return this;
    }

    Builder scaled(ScaleOutcome outcome) {
      scaleOutcome = outcome;
      return this;
    }

    Builder failed(RunException cause) {
      failure = cause;
      return this;
    }

    Builder timed(String stage, Duration spent) {
      stageDurations.put(stage, spent);
      return this;
    }

    /** The report of the run, which took {@code duration} in all. */
    RunReport build(Duration duration) {
      return new RunReport(this, duration);
    }
  }
}
