package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.RunType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** What one run did: how far it got, what it read and decided, how long each part took. */
public final class RunReport {

  private final RunType type;
  private final RunGoal goal;
  private final Map<String, Duration> stageDurations = new LinkedHashMap<>();
  private Integer currentReplicas;
  private List<ResourceMetric> metrics;
  private boolean metricsGathered;
  private List<MetricFailure> kubernetesMetricFailures = List.of();
  private Integer evaluatedReplicas;
  private ReplicaDecision decision;
  private DecisionState keptState;
  private boolean scaled;
  private RunException failure;
  private Duration duration = Duration.ZERO;

  RunReport(RunType type, RunGoal goal) {
    this.type = type;
    this.goal = goal;
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

  /** The gathered metrics; the list may be null (per-pod mode with no pods), as CPA v2 sends it. */
  public Optional<MetricsResult> metrics() {
    return metricsGathered ? Optional.of(new MetricsResult(metrics)) : Optional.empty();
  }

  /** The Kubernetes metrics that could not be gathered but were not required. */
  public List<MetricFailure> kubernetesMetricFailures() {
    return kubernetesMetricFailures;
  }

  public OptionalInt evaluatedReplicas() {
    return evaluatedReplicas == null ? OptionalInt.empty() : OptionalInt.of(evaluatedReplicas);
  }

  public Optional<ReplicaDecision> decision() {
    return Optional.ofNullable(decision);
  }

  /**
   * What the decision remembers for later runs (recommendations and rescales) as the run left it,
   * when the run decided.
   */
  public Optional<DecisionState> keptState() {
    return Optional.ofNullable(keptState);
  }

  /** Whether the run changed the target's replicas. */
  public boolean scaled() {
    return scaled;
  }

  public Duration duration() {
    return duration;
  }

  /** Time spent in each stage that ran: target, metrics, evaluate, scale. */
  public Map<String, Duration> stageDurations() {
    return Map.copyOf(stageDurations);
  }

  /** The metrics a run gathered; {@code list} is null when per-pod mode found no pods. */
  public record MetricsResult(List<ResourceMetric> list) {}

  void readCurrentReplicas(int replicas) {
    currentReplicas = replicas;
  }

  void gatheredMetrics(List<ResourceMetric> gathered) {
    metrics = gathered;
    metricsGathered = true;
  }

  void kubernetesMetricsFailed(List<MetricFailure> failures) {
    kubernetesMetricFailures = List.copyOf(failures);
  }

  void evaluated(int replicas) {
    evaluatedReplicas = replicas;
  }

  void decided(ReplicaDecision made) {
    decision = made;
  }

  void kept(DecisionState state) {
    keptState = state;
  }

  void appliedReplicas() {
    scaled = true;
  }

  void failed(RunException cause) {
    failure = cause;
  }

  void timed(String stage, Duration spent) {
    stageDurations.put(stage, spent);
  }

  void finished(Duration total) {
    duration = total;
  }
}
