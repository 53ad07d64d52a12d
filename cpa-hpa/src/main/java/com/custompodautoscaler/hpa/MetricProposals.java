package com.custompodautoscaler.hpa;

import com.custompodautoscaler.api.wire.kubernetes.MilliQuantities;
import com.custompodautoscaler.core.hpa.MetricOutcome;
import com.custompodautoscaler.core.hpa.PodMetrics;
import com.custompodautoscaler.core.hpa.ReplicaCalculator;
import com.custompodautoscaler.core.hpa.ReplicaProposal;
import com.custompodautoscaler.core.hpa.UtilizationProposal;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One {@code kubernetesMetrics} entry turned into the HPA's proposal for it: which replica count
 * the metric asks for, and its current value (a utilization percentage, or milli-units).
 */
final class MetricProposals {

  /** A metric's outcome and, when it proposed, its current value. */
  record Computed(MetricOutcome outcome, Long current) {}

  private final ReplicaCalculator calculator;

  MetricProposals(ReplicaCalculator calculator) {
    this.calculator = calculator;
  }

  /** The outcome of entry {@code path}; a metric that cannot be computed is a failure. */
  Computed compute(JsonNode entry, String path) {
    JsonNode spec = entry.path("spec");
    String type = spec.path("type").asText("");
    String name = nameOf(spec, type);
    try {
      return switch (type) {
        case "Resource" -> resource(entry, "resource", spec.path("resource"), path, name);
        case "ContainerResource" ->
            resource(entry, "container_resource", spec.path("containerResource"), path, name);
        case "Pods" -> pods(entry, spec.path("pods"), path, name);
        case "Object" -> single(entry, "object", spec.path("object"), path, name);
        case "External" -> single(entry, "external", spec.path("external"), path, name);
        default ->
            throw new HpaInputException(
                path + ".spec.type: unknown metric source type \"" + type + "\"");
      };
    } catch (RuntimeException e) {
      return new Computed(new MetricOutcome.Failure(name, e), null);
    }
  }

  private Computed resource(JsonNode entry, String key, JsonNode source, String path, String name) {
    JsonNode values = block(entry, key, path);
    JsonNode target = source.path("target");
    int current = currentReplicas(entry, path);
    if ("Utilization".equals(target.path("type").asText())) {
      UtilizationProposal proposal =
          calculator.resourceUtilization(
              podMetrics(values, path + "." + key),
              milliValues(values.path("requests"), path + "." + key + ".requests"),
              (int)
                  Documents.whole(
                      target.path("averageUtilization"), path + ".spec target averageUtilization"),
              current);
      return proposed(name, proposal.replicas(), proposal.utilization());
    }
    ReplicaProposal proposal =
        calculator.averageValue(
            podMetrics(values, path + "." + key),
            quantity(target.path("averageValue"), path),
            current);
    return proposed(name, proposal.replicas(), proposal.currentValue());
  }

  private Computed pods(JsonNode entry, JsonNode source, String path, String name) {
    JsonNode values = block(entry, "pods", path);
    ReplicaProposal proposal =
        calculator.averageValue(
            podMetrics(values, path + ".pods"),
            quantity(source.path("target").path("averageValue"), path),
            currentReplicas(entry, path));
    return proposed(name, proposal.replicas(), proposal.currentValue());
  }

  private Computed single(JsonNode entry, String key, JsonNode source, String path, String name) {
    JsonNode values = block(entry, key, path);
    JsonNode target = source.path("target");
    JsonNode current = values.path("current");
    ReplicaProposal proposal;
    if ("AverageValue".equals(target.path("type").asText())) {
      proposal =
          calculator.objectAverageValue(
              Documents.whole(
                  current.path("average_value"), path + "." + key + ".current.average_value"),
              quantity(target.path("averageValue"), path),
              (int) Documents.whole(entry.path("status_replicas"), path + ".status_replicas"));
    } else {
      proposal =
          calculator.objectValue(
              Documents.whole(current.path("value"), path + "." + key + ".current.value"),
              quantity(target.path("value"), path),
              (int)
                  Documents.whole(
                      values.path("ready_pod_count"), path + "." + key + ".ready_pod_count"),
              currentReplicas(entry, path));
    }
    return proposed(name, proposal.replicas(), proposal.currentValue());
  }

  private static Computed proposed(String name, int replicas, long current) {
    return new Computed(new MetricOutcome.Proposal(name, replicas), current);
  }

  private static JsonNode block(JsonNode entry, String key, String path) {
    JsonNode block = entry.path(key);
    if (!block.isObject()) {
      throw new HpaInputException(path + "." + key + " is missing: the metric was not gathered");
    }
    return block;
  }

  private static int currentReplicas(JsonNode entry, String path) {
    return (int) Documents.whole(entry.path("current_replicas"), path + ".current_replicas");
  }

  /** The pods of a {@code resource}, {@code container_resource} or {@code pods} block. */
  private static PodMetrics podMetrics(JsonNode values, String path) {
    Map<String, Long> samples = new HashMap<>();
    values
        .path("pod_metrics_info")
        .properties()
        .forEach(
            sample ->
                samples.put(
                    sample.getKey(),
                    Documents.whole(
                        sample.getValue().path("Value"),
                        path + ".pod_metrics_info." + sample.getKey() + ".Value")));
    return new PodMetrics(
        samples,
        (int) Documents.whole(values.path("ready_pod_count"), path + ".ready_pod_count"),
        names(values.path("ignored_pods")),
        names(values.path("missing_pods")));
  }

  private static Map<String, Long> milliValues(JsonNode values, String path) {
    Map<String, Long> byPod = new HashMap<>();
    values
        .properties()
        .forEach(
            value ->
                byPod.put(
                    value.getKey(),
                    Documents.whole(value.getValue(), path + "." + value.getKey())));
    return byPod;
  }

  private static Set<String> names(JsonNode podSet) {
    Set<String> names = new HashSet<>();
    podSet.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static long quantity(JsonNode written, String path) {
    String text = Documents.text(written, path + ".spec target value");
    try {
      return MilliQuantities.milli(text);
    } catch (IllegalArgumentException e) {
      throw new HpaInputException(
          path + ".spec: target " + text + " is not a Kubernetes quantity", e);
    }
  }

  /** The metric as messages name it, such as {@code resource cpu} or {@code external queue}. */
  private static String nameOf(JsonNode spec, String type) {
    return switch (type) {
      case "Resource" -> "resource " + spec.path("resource").path("name").asText();
      case "ContainerResource" ->
          "container resource "
              + spec.path("containerResource").path("name").asText()
              + " of container "
              + spec.path("containerResource").path("container").asText();
      case "Pods" -> "pods metric " + spec.path("pods").path("metric").path("name").asText();
      case "Object" ->
          "object metric "
              + spec.path("object").path("metric").path("name").asText()
              + " of "
              + spec.path("object").path("describedObject").path("kind").asText()
              + "/"
              + spec.path("object").path("describedObject").path("name").asText();
      case "External" ->
          "external metric " + spec.path("external").path("metric").path("name").asText();
      default -> type.isEmpty() ? "metric without a type" : type + " metric";
    };
  }
}
