package com.custompodautoscaler.hpa;

import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.custompodautoscaler.api.wire.EvaluateInput;
import com.custompodautoscaler.api.wire.Evaluation;
import com.custompodautoscaler.api.wire.MetricInput;
import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.core.hpa.MetricOutcome;
import com.custompodautoscaler.core.hpa.ProposalSelector;
import com.custompodautoscaler.core.hpa.ReplicaCalculator;
import com.custompodautoscaler.core.hpa.SelectedProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Horizontal Pod Autoscaler as user logic, stateless. The metric stage reads the {@code
 * kubernetesMetrics} the base program gathered for the HPA's metric specs and proposes a replica
 * count for each; the evaluate stage takes the highest, with the HPA's rules for metrics that
 * failed. Stabilization, rate limits and bounds are the base program's {@code behavior}.
 *
 * <p>The metric stage writes {@code {"specReplicas": 3, "metrics": [{"metric": "resource cpu",
 * "replicas": 5, "current": 50}, {"metric": "...", "error": "..."}]}}; {@code current} is a
 * utilization percentage or a value in milli-units.
 */
public final class HpaLogic implements InProcessUserLogic {

  static final String METRIC = "metric";
  static final String EVALUATE = "evaluate";

  /** The config entry of the Go horizontal-pod-autoscaler that held the HPA's metric specs. */
  static final String GO_HPA_METRICS = "metrics";

  /** A result written as {@code null}, which names no metric and proposes nothing. */
  private static final MetricStageOutput.Result NOTHING =
      new MetricStageOutput.Result(null, null, null, null);

  private final MetricProposals proposals;
  private final ProposalSelector selector = new ProposalSelector();
  private final boolean goHpaMetricsEntry;

  /** The logic with its options from this process's environment, as a worker process runs it. */
  public HpaLogic() {
    this(System.getenv());
  }

  /**
   * The logic with its options from the CPA's variables {@code env}, as the autoscaler and the
   * autoscaler host create it.
   *
   * @throws IllegalArgumentException when an option in {@code env} is invalid
   */
  public HpaLogic(Map<String, String> env) {
    this.proposals = new MetricProposals(new ReplicaCalculator(HpaOptions.from(env).tolerance()));
    this.goHpaMetricsEntry = env.containsKey(GO_HPA_METRICS);
  }

  @Override
  public String call(String stage, String document) {
    return switch (stage) {
      case METRIC -> metric(document);
      case EVALUATE -> evaluate(document);
      default ->
          throw new IllegalArgumentException(
              "the HPA logic serves the metric and evaluate stages, not " + stage);
    };
  }

  /** The metric stage: a proposal (or an error) for every gathered metric. */
  String metric(String document) {
    MetricInput input = Documents.read(document, "the metric input", MetricInput.class);
    List<KubernetesMetric> metrics =
        input.kubernetesMetrics() == null ? List.of() : input.kubernetesMetrics();
    if (metrics.isEmpty()) {
      throw noMetrics(input);
    }
    if (metrics.get(0) == null) {
      throw Documents.notWhole("kubernetesMetrics[0].current_replicas", "nothing");
    }
    List<MetricStageOutput.Result> results = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      results.add(result(proposals.compute(metrics.get(i), "kubernetesMetrics[" + i + "]")));
    }
    return Documents.write(new MetricStageOutput(metrics.get(0).currentReplicas(), results));
  }

  /**
   * Why the metric input has no {@code kubernetesMetrics}: the autoscaler could not gather them,
   * which it says in {@code kubernetesMetricFailures}, or its configuration lists none.
   */
  private HpaInputException noMetrics(MetricInput input) {
    List<String> failures =
        input.kubernetesMetricFailures() == null ? List.of() : input.kubernetesMetricFailures();
    if (!failures.isEmpty()) {
      String more =
          failures.size() > 1
              ? " (and " + (failures.size() - 1) + " more, in the autoscaler's log)"
              : "";
      return new HpaInputException(
          "the autoscaler could not gather any of the HPA's metrics: " + failures.get(0) + more);
    }
    return new HpaInputException(
        goHpaMetricsEntry
            ? "the metric input has no kubernetesMetrics, and the environment holds a `metrics`"
                + " entry, which held the HPA's metric specs in the Go"
                + " horizontal-pod-autoscaler: name that config entry kubernetesMetricSpecs"
                + " (same value), or run the cpa-horizontal-pod-autoscaler image, which reads"
                + " `metrics` as it"
            : "the metric input has no kubernetesMetrics: list the HPA's metrics under"
                + " kubernetesMetricSpecs");
  }

  private static MetricStageOutput.Result result(MetricProposals.Computed computed) {
    String metric = computed.outcome().metric();
    if (computed.outcome() instanceof MetricOutcome.Proposal proposal) {
      return new MetricStageOutput.Result(metric, proposal.replicas(), computed.current(), null);
    }
    RuntimeException cause = ((MetricOutcome.Failure) computed.outcome()).cause();
    return new MetricStageOutput.Result(metric, null, null, String.valueOf(cause.getMessage()));
  }

  /** The evaluate stage: the highest proposal, as {@code {"targetReplicas": N}}. */
  String evaluate(String document) {
    EvaluateInput input = Documents.read(document, "the evaluate input", EvaluateInput.class);
    List<ResourceMetric> gathered = input.metrics();
    if (gathered == null || gathered.size() != 1) {
      throw new HpaInputException(
          "the evaluate input must hold the metric stage's one result; run the HPA with runMode"
              + " per-resource");
    }
    String value = gathered.get(0) == null ? null : gathered.get(0).value();
    MetricStageOutput proposed =
        Documents.read(
            value == null ? "" : value, "the metric stage's output", MetricStageOutput.class);
    List<MetricOutcome> outcomes = new ArrayList<>();
    for (MetricStageOutput.Result metric :
        proposed.metrics() == null ? List.<MetricStageOutput.Result>of() : proposed.metrics()) {
      outcomes.add(outcome(metric == null ? NOTHING : metric));
    }
    if (outcomes.isEmpty()) {
      throw new HpaInputException("the metric stage's output lists no metrics");
    }
    SelectedProposal selected =
        selector.select(outcomes, Documents.whole(proposed.specReplicas(), "specReplicas"));
    return Documents.write(new Evaluation(selected.replicas()));
  }

  private static MetricOutcome outcome(MetricStageOutput.Result metric) {
    String name = metric.metric() == null ? "" : metric.metric();
    if (metric.error() != null) {
      return new MetricOutcome.Failure(name, new HpaInputException(metric.error()));
    }
    return new MetricOutcome.Proposal(name, Documents.whole(metric.replicas(), name + " replicas"));
  }
}
