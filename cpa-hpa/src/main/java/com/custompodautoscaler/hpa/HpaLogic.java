package com.custompodautoscaler.hpa;

import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.custompodautoscaler.core.hpa.MetricOutcome;
import com.custompodautoscaler.core.hpa.ProposalSelector;
import com.custompodautoscaler.core.hpa.ReplicaCalculator;
import com.custompodautoscaler.core.hpa.SelectedProposal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private final MetricProposals proposals;
  private final ProposalSelector selector = new ProposalSelector();
  private final boolean goHpaMetricsEntry;

  /** The logic with its options from this process's environment, for the {@code java} method. */
  public HpaLogic() {
    this(System.getenv());
  }

  /**
   * @throws IllegalArgumentException when an option in {@code env} is invalid
   */
  HpaLogic(Map<String, String> env) {
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
    JsonNode input = Documents.parse(document, "the metric input");
    JsonNode metrics = input.path("kubernetesMetrics");
    if (!metrics.isArray() || metrics.isEmpty()) {
      throw new HpaInputException(
          goHpaMetricsEntry
              ? "the metric input has no kubernetesMetrics, and the environment holds a `metrics`"
                  + " entry, which held the HPA's metric specs in the Go"
                  + " horizontal-pod-autoscaler: name that config entry kubernetesMetricSpecs"
                  + " (same value), or run the cpa-horizontal-pod-autoscaler image, which reads"
                  + " `metrics` as it"
              : "the metric input has no kubernetesMetrics: list the HPA's metrics under"
                  + " kubernetesMetricSpecs, and see the log for metrics that could not be"
                  + " gathered");
    }
    ObjectNode output = Documents.JSON.createObjectNode();
    output.put(
        "specReplicas",
        Documents.whole(
            metrics.get(0).path("current_replicas"), "kubernetesMetrics[0].current_replicas"));
    ArrayNode results = output.putArray("metrics");
    for (int i = 0; i < metrics.size(); i++) {
      MetricProposals.Computed computed =
          proposals.compute(metrics.get(i), "kubernetesMetrics[" + i + "]");
      ObjectNode result = results.addObject().put("metric", computed.outcome().metric());
      if (computed.outcome() instanceof MetricOutcome.Proposal proposal) {
        result.put("replicas", proposal.replicas()).put("current", computed.current());
      } else {
        result.put("error", ((MetricOutcome.Failure) computed.outcome()).cause().getMessage());
      }
    }
    return output.toString();
  }

  /** The evaluate stage: the highest proposal, as {@code {"targetReplicas": N}}. */
  String evaluate(String document) {
    JsonNode input = Documents.parse(document, "the evaluate input");
    JsonNode gathered = input.path("metrics");
    if (!gathered.isArray() || gathered.size() != 1) {
      throw new HpaInputException(
          "the evaluate input must hold the metric stage's one result; run the HPA with runMode"
              + " per-resource");
    }
    JsonNode proposed =
        Documents.parse(gathered.get(0).path("value").asText(), "the metric stage's output");
    List<MetricOutcome> outcomes = new ArrayList<>();
    for (JsonNode metric : proposed.path("metrics")) {
      String name = metric.path("metric").asText();
      outcomes.add(
          metric.has("error")
              ? new MetricOutcome.Failure(
                  name, new HpaInputException(metric.path("error").asText()))
              : new MetricOutcome.Proposal(
                  name, (int) Documents.whole(metric.path("replicas"), name + " replicas")));
    }
    if (outcomes.isEmpty()) {
      throw new HpaInputException("the metric stage's output lists no metrics");
    }
    SelectedProposal selected =
        selector.select(
            outcomes, (int) Documents.whole(proposed.path("specReplicas"), "specReplicas"));
    return Documents.JSON.createObjectNode().put("targetReplicas", selected.replicas()).toString();
  }
}
