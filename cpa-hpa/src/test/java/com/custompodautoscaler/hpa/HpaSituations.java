package com.custompodautoscaler.hpa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Metric-stage documents as the base program builds them for the HPA's metric specs, for the
 * situations of the upstream HPA's replica calculator tests. Values are in milli-units.
 */
final class HpaSituations {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIMESTAMP = "2026-01-01T11:59:30Z";

  private final ArrayNode metrics = JSON.createArrayNode();
  private final int currentReplicas;
  private final int statusReplicas;

  private HpaSituations(int currentReplicas, int statusReplicas) {
    this.currentReplicas = currentReplicas;
    this.statusReplicas = statusReplicas;
  }

  /** A target with {@code replicas} in its spec and status. */
  static HpaSituations target(int replicas) {
    return new HpaSituations(replicas, replicas);
  }

  /** A target with different spec and status replicas. */
  static HpaSituations target(int specReplicas, int statusReplicas) {
    return new HpaSituations(specReplicas, statusReplicas);
  }

  /**
   * A CPU Utilization metric: {@code usage} of the ready pods {@code pod-0..}, each requesting
   * {@code request}; {@code unready} and {@code missing} name pods left out.
   */
  HpaSituations cpuUtilization(
      int target, List<Long> usage, long request, List<String> unready, List<String> missing) {
    ObjectNode entry = entry("Resource");
    ObjectNode spec = (ObjectNode) entry.get("spec");
    spec.putObject("resource")
        .put("name", "cpu")
        .putObject("target")
        .put("type", "Utilization")
        .put("averageUtilization", target);
    ObjectNode values = podValues(entry.putObject("resource"), usage, unready, missing);
    ObjectNode requests = values.putObject("requests");
    for (int i = 0; i < usage.size(); i++) {
      requests.put("pod-" + i, request);
    }
    unready.forEach(pod -> requests.put(pod, request));
    missing.forEach(pod -> requests.put(pod, request));
    return this;
  }

  /** A Pods metric with an AverageValue target. */
  HpaSituations podsAverage(String name, String target, List<Long> values, List<String> missing) {
    ObjectNode entry = entry("Pods");
    ObjectNode pods = ((ObjectNode) entry.get("spec")).putObject("pods");
    pods.putObject("metric").put("name", name);
    pods.putObject("target").put("type", "AverageValue").put("averageValue", target);
    podValues(entry.putObject("pods"), values, List.of(), missing);
    return this;
  }

  /** An Object metric with a Value target and {@code readyPods} Running and Ready pods. */
  HpaSituations objectValue(String target, long value, int readyPods) {
    ObjectNode entry = entry("Object");
    ObjectNode object = ((ObjectNode) entry.get("spec")).putObject("object");
    object.putObject("metric").put("name", "requests");
    object.putObject("describedObject").put("kind", "Ingress").put("name", "main");
    object.putObject("target").put("type", "Value").put("value", target);
    ObjectNode values = entry.putObject("object");
    values.putObject("current").put("value", value);
    values.put("ready_pod_count", readyPods).put("timestamp", TIMESTAMP);
    return this;
  }

  /** An External metric with an AverageValue target. */
  HpaSituations externalAverage(String target, long value) {
    ObjectNode values = external("AverageValue", "averageValue", target);
    values.putObject("current").put("average_value", value);
    values.put("timestamp", TIMESTAMP);
    return this;
  }

  /** An External metric with a Value target and {@code readyPods} Running and Ready pods. */
  HpaSituations externalValue(String target, long value, int readyPods) {
    ObjectNode values = external("Value", "value", target);
    values.putObject("current").put("value", value);
    values.put("ready_pod_count", readyPods).put("timestamp", TIMESTAMP);
    return this;
  }

  private ObjectNode external(String targetType, String targetKey, String target) {
    ObjectNode entry = entry("External");
    ObjectNode external = ((ObjectNode) entry.get("spec")).putObject("external");
    external.putObject("metric").put("name", "queue");
    external.putObject("target").put("type", targetType).put(targetKey, target);
    return entry.putObject("external");
  }

  /** The metric stage's input document, as the base program writes it in per-resource mode. */
  String metricInput() {
    ObjectNode input = JSON.createObjectNode();
    input.putObject("resource").put("kind", "Deployment").putObject("metadata").put("name", "web");
    input.put("runType", "scaler");
    input.set("kubernetesMetrics", metrics);
    return input.toString();
  }

  /** The evaluate stage's input for the metric stage's {@code output}. */
  static String evaluateInput(String output) {
    ObjectNode input = JSON.createObjectNode();
    input.putArray("metrics").addObject().put("resource", "web").put("value", output);
    input.putObject("resource").put("kind", "Deployment");
    input.put("runType", "scaler");
    return input.toString();
  }

  private ObjectNode entry(String type) {
    ObjectNode entry = metrics.addObject();
    entry.put("current_replicas", currentReplicas).put("status_replicas", statusReplicas);
    entry.putObject("spec").put("type", type);
    return entry;
  }

  private static ObjectNode podValues(
      ObjectNode block, List<Long> values, List<String> unready, List<String> missing) {
    ObjectNode info = block.putObject("pod_metrics_info");
    for (int i = 0; i < values.size(); i++) {
      info.putObject("pod-" + i)
          .put("Timestamp", TIMESTAMP)
          .put("Window", 30_000_000_000L)
          .put("Value", values.get(i));
    }
    block.put("ready_pod_count", values.size());
    ObjectNode ignored = block.putObject("ignored_pods");
    unready.forEach(ignored::putObject);
    ObjectNode absent = block.putObject("missing_pods");
    missing.forEach(absent::putObject);
    block.put("total_pods", values.size() + unready.size() + missing.size());
    block.put("timestamp", TIMESTAMP);
    return block;
  }
}
