package com.custompodautoscaler.hpa;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.api.wire.kubernetes.MilliQuantities;
import com.custompodautoscaler.api.wire.kubernetes.PodMetricSample;
import com.custompodautoscaler.api.wire.kubernetes.PodsMetricValues;
import com.custompodautoscaler.api.wire.kubernetes.ResourceMetricValues;
import com.custompodautoscaler.api.wire.kubernetes.SingleMetricValue;
import com.custompodautoscaler.core.hpa.MetricOutcome;
import com.custompodautoscaler.core.hpa.PodMetrics;
import com.custompodautoscaler.core.hpa.ReplicaCalculator;
import com.custompodautoscaler.core.hpa.ReplicaProposal;
import com.custompodautoscaler.core.hpa.UtilizationProposal;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ContainerResourceMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ExternalMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ObjectMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.PodsMetricSource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

  /**
   * The outcome of entry {@code path} ({@code null} where the document held null); a metric that
   * cannot be computed is a failure.
   */
  Computed compute(KubernetesMetric entry, String path) {
    MetricSpec spec = entry == null || entry.spec() == null ? new MetricSpec() : entry.spec();
    String type = spec.getType() == null ? "" : spec.getType();
    String name = nameOf(spec, type);
    try {
      return switch (type) {
        case "Resource" ->
            resource(entry, "resource", entry.resource(), targetOf(spec, type), path, name);
        case "ContainerResource" ->
            resource(
                entry,
                "container_resource",
                entry.containerResource(),
                targetOf(spec, type),
                path,
                name);
        case "Pods" -> pods(entry, targetOf(spec, type), path, name);
        case "Object" -> single(entry, "object", entry.object(), targetOf(spec, type), path, name);
        case "External" ->
            single(entry, "external", entry.external(), targetOf(spec, type), path, name);
        default ->
            throw new HpaInputException(
                path + ".spec.type: unknown metric source type \"" + type + "\"");
      };
    } catch (RuntimeException e) {
      return new Computed(new MetricOutcome.Failure(name, e), null);
    }
  }

  private Computed resource(
      KubernetesMetric entry,
      String key,
      ResourceMetricValues values,
      MetricTarget target,
      String path,
      String name) {
    String at = gathered(values, path + "." + key);
    PodMetrics pods =
        podMetrics(
            values.podMetricsInfo(),
            values.readyPodCount(),
            values.ignoredPods(),
            values.missingPods(),
            at);
    if ("Utilization".equals(target.getType())) {
      UtilizationProposal proposal =
          calculator.resourceUtilization(
              pods,
              milliValues(values.requests(), at + ".requests"),
              Documents.whole(
                  target.getAverageUtilization(), path + ".spec target averageUtilization"),
              entry.currentReplicas());
      return proposed(name, proposal.replicas(), proposal.utilization());
    }
    ReplicaProposal proposal =
        calculator.averageValue(
            pods, quantity(target.getAverageValue(), path), entry.currentReplicas());
    return proposed(name, proposal.replicas(), proposal.currentValue());
  }

  private Computed pods(KubernetesMetric entry, MetricTarget target, String path, String name) {
    PodsMetricValues values = entry.pods();
    String at = gathered(values, path + ".pods");
    ReplicaProposal proposal =
        calculator.averageValue(
            podMetrics(
                values.podMetricsInfo(),
                values.readyPodCount(),
                values.ignoredPods(),
                values.missingPods(),
                at),
            quantity(target.getAverageValue(), path),
            entry.currentReplicas());
    return proposed(name, proposal.replicas(), proposal.currentValue());
  }

  private Computed single(
      KubernetesMetric entry,
      String key,
      SingleMetricValue values,
      MetricTarget target,
      String path,
      String name) {
    String at = gathered(values, path + "." + key);
    SingleMetricValue.Current current =
        values.current() == null ? new SingleMetricValue.Current(null, null) : values.current();
    ReplicaProposal proposal;
    if ("AverageValue".equals(target.getType())) {
      proposal =
          calculator.objectAverageValue(
              Documents.whole(current.averageValue(), at + ".current.average_value"),
              quantity(target.getAverageValue(), path),
              entry.statusReplicas());
    } else {
      proposal =
          calculator.objectValue(
              Documents.whole(current.value(), at + ".current.value"),
              quantity(target.getValue(), path),
              Documents.whole(values.readyPodCount(), at + ".ready_pod_count"),
              entry.currentReplicas());
    }
    return proposed(name, proposal.replicas(), proposal.currentValue());
  }

  private static Computed proposed(String name, int replicas, long current) {
    return new Computed(new MetricOutcome.Proposal(name, replicas), current);
  }

  /** {@code path}, the block of gathered values, which is missing when gathering failed. */
  private static String gathered(Object values, String path) {
    if (values == null) {
      throw new HpaInputException(path + " is missing: the metric was not gathered");
    }
    return path;
  }

  /** The pods of a {@code resource}, {@code container_resource} or {@code pods} block. */
  private static PodMetrics podMetrics(
      Map<String, PodMetricSample> info,
      int readyPodCount,
      Map<String, ?> ignoredPods,
      Map<String, ?> missingPods,
      String path) {
    Map<String, Long> samples = new HashMap<>();
    if (info != null) {
      info.forEach(
          (pod, sample) ->
              samples.put(
                  pod,
                  Documents.whole(
                      sample == null ? null : sample.value(),
                      path + ".pod_metrics_info." + pod + ".Value")));
    }
    return new PodMetrics(samples, readyPodCount, names(ignoredPods), names(missingPods));
  }

  private static Map<String, Long> milliValues(Map<String, Long> values, String path) {
    Map<String, Long> byPod = new HashMap<>();
    if (values != null) {
      values.forEach(
          (pod, value) -> {
            if (value == null) {
              throw Documents.notWhole(path + "." + pod, "null");
            }
            byPod.put(pod, value);
          });
    }
    return byPod;
  }

  private static Set<String> names(Map<String, ?> podSet) {
    return podSet == null ? Set.of() : new HashSet<>(podSet.keySet());
  }

  private static long quantity(Quantity written, String path) {
    if (written == null) {
      throw new HpaInputException(path + ".spec target value must be a string, got nothing");
    }
    String text = written.toString();
    try {
      return MilliQuantities.milli(text);
    } catch (IllegalArgumentException e) {
      throw new HpaInputException(
          path + ".spec: target " + text + " is not a Kubernetes quantity", e);
    }
  }

  /** The target of the spec's source, empty where the spec has none. */
  private static MetricTarget targetOf(MetricSpec spec, String type) {
    MetricTarget target =
        switch (type) {
          case "Resource" -> field(spec.getResource(), ResourceMetricSource::getTarget);
          case "ContainerResource" ->
              field(spec.getContainerResource(), ContainerResourceMetricSource::getTarget);
          case "Pods" -> field(spec.getPods(), PodsMetricSource::getTarget);
          case "Object" -> field(spec.getObject(), ObjectMetricSource::getTarget);
          case "External" -> field(spec.getExternal(), ExternalMetricSource::getTarget);
          default -> null;
        };
    return target == null ? new MetricTarget() : target;
  }

  /** The metric as messages name it, such as {@code resource cpu} or {@code external queue}. */
  private static String nameOf(MetricSpec spec, String type) {
    return switch (type) {
      case "Resource" -> "resource " + text(spec.getResource(), ResourceMetricSource::getName);
      case "ContainerResource" ->
          "container resource "
              + text(spec.getContainerResource(), ContainerResourceMetricSource::getName)
              + " of container "
              + text(spec.getContainerResource(), ContainerResourceMetricSource::getContainer);
      case "Pods" ->
          "pods metric " + metricName(field(spec.getPods(), PodsMetricSource::getMetric));
      case "Object" ->
          "object metric "
              + metricName(field(spec.getObject(), ObjectMetricSource::getMetric))
              + " of "
              + text(
                  field(spec.getObject(), ObjectMetricSource::getDescribedObject),
                  CrossVersionObjectReference::getKind)
              + "/"
              + text(
                  field(spec.getObject(), ObjectMetricSource::getDescribedObject),
                  CrossVersionObjectReference::getName);
      case "External" ->
          "external metric "
              + metricName(field(spec.getExternal(), ExternalMetricSource::getMetric));
      default -> type.isEmpty() ? "metric without a type" : type + " metric";
    };
  }

  private static String metricName(MetricIdentifier metric) {
    return text(metric, MetricIdentifier::getName);
  }

  /** {@code source}'s text field, empty where either is missing. */
  private static <S> String text(S source, Function<S, String> field) {
    String text = field(source, field);
    return text == null ? "" : text;
  }

  /** {@code source}'s field, null where {@code source} is missing. */
  private static <S, F> F field(S source, Function<S, F> field) {
    return source == null ? null : field.apply(source);
  }
}
