package com.custompodautoscaler.api.wire.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;

/**
 * The values gathered for one metric spec. Exactly one of {@code resource}, {@code pods}, {@code
 * object}, {@code external} and {@code containerResource} is set, after the spec's type: build it
 * with the factory of that type, and the others stay out of the document.
 *
 * @param currentReplicas the target's {@code spec.replicas} when the run began
 * @param statusReplicas the target's {@code status.replicas} then, which the HPA divides Object and
 *     External AverageValue metrics by
 * @param spec the metric spec as configured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "current_replicas",
  "status_replicas",
  "spec",
  "resource",
  "pods",
  "object",
  "external",
  "container_resource"
})
public record KubernetesMetric(
    @JsonProperty("current_replicas") int currentReplicas,
    @JsonProperty("status_replicas") int statusReplicas,
    MetricSpec spec,
    ResourceMetricValues resource,
    PodsMetricValues pods,
    @JsonProperty("object") SingleMetricValue object,
    SingleMetricValue external,
    @JsonProperty("container_resource") ResourceMetricValues containerResource) {

  /** The values of a {@code Resource} metric spec. */
  public static KubernetesMetric resource(
      int currentReplicas, int statusReplicas, MetricSpec spec, ResourceMetricValues values) {
    return new KubernetesMetric(
        currentReplicas, statusReplicas, spec, values, null, null, null, null);
  }

  /** The values of a {@code Pods} metric spec. */
  public static KubernetesMetric pods(
      int currentReplicas, int statusReplicas, MetricSpec spec, PodsMetricValues values) {
    return new KubernetesMetric(
        currentReplicas, statusReplicas, spec, null, values, null, null, null);
  }

  /** The value of an {@code Object} metric spec. */
  public static KubernetesMetric object(
      int currentReplicas, int statusReplicas, MetricSpec spec, SingleMetricValue value) {
    return new KubernetesMetric(
        currentReplicas, statusReplicas, spec, null, null, value, null, null);
  }

  /** The value of an {@code External} metric spec. */
  public static KubernetesMetric external(
      int currentReplicas, int statusReplicas, MetricSpec spec, SingleMetricValue value) {
    return new KubernetesMetric(
        currentReplicas, statusReplicas, spec, null, null, null, value, null);
  }

  /** The values of a {@code ContainerResource} metric spec. */
  public static KubernetesMetric containerResource(
      int currentReplicas, int statusReplicas, MetricSpec spec, ResourceMetricValues values) {
    return new KubernetesMetric(
        currentReplicas, statusReplicas, spec, null, null, null, null, values);
  }
}
