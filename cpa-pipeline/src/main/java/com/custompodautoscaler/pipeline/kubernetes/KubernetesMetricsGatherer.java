package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.api.wire.kubernetes.PodMetricSample;
import com.custompodautoscaler.api.wire.kubernetes.PodSet;
import com.custompodautoscaler.api.wire.kubernetes.PodsMetricValues;
import com.custompodautoscaler.api.wire.kubernetes.ResourceMetricValues;
import com.custompodautoscaler.api.wire.kubernetes.SingleMetricValue;
import com.custompodautoscaler.core.hpa.GroupedPods;
import com.custompodautoscaler.core.hpa.PodGrouping;
import com.custompodautoscaler.core.hpa.ReadinessRule;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig.KubernetesMetricsConfig;
import com.custompodautoscaler.pipeline.run.KubernetesMetricsSource;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the configured autoscaling/v2 metrics as the HPA would, for user logic: one entry per
 * spec, in order, each failure kept as a message naming the spec's type.
 */
public final class KubernetesMetricsGatherer implements KubernetesMetricsSource {

  private final String namespace;
  private final List<MetricSpec> specs;
  private final MetricsApiClient metricsApi;
  private final TargetPods pods;
  private final ApiResourceResolver resolver;
  private final PodGrouping grouping;
  private final Clock clock;

  private KubernetesMetricsGatherer(
      KubernetesClient client, String namespace, KubernetesMetricsConfig config, Clock clock) {
    KubernetesRest rest = new KubernetesRest(client);
    this.namespace = namespace;
    this.specs = config.specs();
    this.metricsApi = new MetricsApiClient(rest);
    this.pods = new TargetPods(rest);
    this.resolver = new ApiResourceResolver(client);
    this.grouping =
        new PodGrouping(config.cpuInitializationPeriod(), config.initialReadinessDelay());
    this.clock = clock;
  }

  /** A gatherer of {@code config}'s metric specs in its namespace. */
  public static KubernetesMetricsGatherer of(
      KubernetesClient client, AutoscalerConfig config, Clock clock) {
    return new KubernetesMetricsGatherer(
        client, config.namespace(), config.kubernetesMetrics(), clock);
  }

  @Override
  public Gathered gather(ScaleState scale) {
    List<KubernetesMetric> metrics = new ArrayList<>();
    List<MetricFailure> failures = new ArrayList<>();
    Run run = new Run(scale);
    for (MetricSpec spec : specs) {
      String what = "failed to get " + describe(spec.getType()) + " metric: ";
      try {
        metrics.add(run.gather(spec));
      } catch (KubernetesAccessException e) {
        failures.add(failure(what, e));
      } catch (IllegalArgumentException e) {
        failures.add(MetricFailure.failed(what + e.getMessage()));
      }
    }
    return new Gathered(metrics, failures);
  }

  /**
   * A failed request; a refused one says which permission to grant, when RBAC names it, and one to
   * a metrics API the cluster does not serve says what to install.
   */
  private static MetricFailure failure(String what, KubernetesAccessException e) {
    if (e instanceof MetricsApiNotServed) {
      return new MetricFailure(what + e.getMessage(), MetricFailure.Kind.METRICS_API_NOT_SERVED);
    }
    if (!e.isForbidden()) {
      return MetricFailure.failed(what + e.getMessage());
    }
    String advice = MissingPermission.advice(e.getMessage()).map(text -> "; " + text).orElse("");
    return new MetricFailure(what + e.getMessage() + advice, MetricFailure.Kind.FORBIDDEN);
  }

  private static String describe(String type) {
    return type.equals("ContainerResource") ? "container resource" : type.toLowerCase();
  }

  /** One gathering: the target's pods are listed at most once, when a spec first needs them. */
  private final class Run {

    private final ScaleState scale;
    private final Instant now = clock.instant();
    private List<Pod> listed;

    Run(ScaleState scale) {
      this.scale = scale;
    }

    KubernetesMetric gather(MetricSpec spec) {
      int current = scale.replicas();
      int status = scale.statusReplicas();
      return switch (spec.getType()) {
        case "Resource" -> {
          var source = spec.getResource();
          yield KubernetesMetric.resource(
              current, status, spec, resource(source.getName(), null, source.getTarget()));
        }
        case "ContainerResource" -> {
          var source = spec.getContainerResource();
          yield KubernetesMetric.containerResource(
              current,
              status,
              spec,
              resource(source.getName(), source.getContainer(), source.getTarget()));
        }
        case "Pods" -> KubernetesMetric.pods(current, status, spec, pods(spec));
        case "Object" -> KubernetesMetric.object(current, status, spec, object(spec));
        case "External" -> KubernetesMetric.external(current, status, spec, external(spec));
        default ->
            throw new IllegalArgumentException(
                "unknown metric source type \"" + spec.getType() + "\"");
      };
    }

    private List<Pod> pods() {
      if (listed == null) {
        listed = pods.list(namespace, scale.selector());
      }
      return listed;
    }

    private ResourceMetricValues resource(String name, String container, MetricTarget target) {
      List<MetricsApiClient.PodUsage> usage = metricsApi.podUsage(namespace, scale.selector());
      if (usage.isEmpty()) {
        throw new IllegalArgumentException(
            "unable to get metrics for resource "
                + name
                + ": no metrics returned from resource metrics API");
      }
      List<Pod> listedPods = pods();
      if (listedPods.isEmpty()) {
        throw new IllegalArgumentException(
            "no pods returned by selector while calculating replica count");
      }
      GroupedPods grouped =
          grouping.group(
              TargetPods.states(listedPods),
              ResourceUsage.samples(usage, name, container),
              ReadinessRule.forResource(name),
              now);
      Map<String, Long> requests =
          "Utilization".equals(target.getType())
              ? ResourceUsage.requests(listedPods, grouped.droppedPods(), name, container)
              : null;
      return new ResourceMetricValues(
          wireSamples(grouped),
          requests,
          grouped.readyPodCount(),
          PodSet.of(grouped.unreadyPods()),
          PodSet.of(grouped.missingPods()),
          grouped.totalPods(),
          format(usage.get(0).timestamp()));
    }

    private PodsMetricValues pods(MetricSpec spec) {
      List<MetricsApiClient.Sample> samples =
          metricsApi.podsMetric(
              namespace,
              scale.selector(),
              spec.getPods().getMetric().getName(),
              LabelSelectors.toQuery(spec.getPods().getMetric().getSelector()));
      List<Pod> listedPods = pods();
      String timestamp =
          format(samples.isEmpty() ? MetricsApiClient.UNKNOWN_TIME : samples.get(0).timestamp());
      if (listedPods.isEmpty()) {
        return new PodsMetricValues(null, 0, null, null, 0, timestamp);
      }
      Map<String, com.custompodautoscaler.core.hpa.PodMetricSample> byPod = new LinkedHashMap<>();
      samples.forEach(
          sample ->
              byPod.put(
                  sample.describedName(),
                  new com.custompodautoscaler.core.hpa.PodMetricSample(
                      sample.value(), sample.timestamp(), sample.window())));
      GroupedPods grouped =
          grouping.group(TargetPods.states(listedPods), byPod, ReadinessRule.PHASE_ONLY, now);
      return new PodsMetricValues(
          wireSamples(grouped),
          grouped.readyPodCount(),
          PodSet.of(grouped.unreadyPods()),
          PodSet.of(grouped.missingPods()),
          grouped.totalPods(),
          timestamp);
    }

    private SingleMetricValue object(MetricSpec spec) {
      var object = spec.getObject();
      var described = object.getDescribedObject();
      TargetRef describedRef =
          new TargetRef(
              described.getApiVersion() == null ? "v1" : described.getApiVersion(),
              described.getKind(),
              described.getName());
      MetricsApiClient.Sample sample =
          metricsApi.objectMetric(
              namespace,
              resolver.plural(describedRef),
              described.getName(),
              object.getMetric().getName(),
              LabelSelectors.toQuery(object.getMetric().getSelector()));
      return single(object.getTarget(), sample.value(), sample.timestamp());
    }

    private SingleMetricValue external(MetricSpec spec) {
      var external = spec.getExternal();
      List<MetricsApiClient.Sample> samples =
          metricsApi.externalMetric(
              namespace,
              external.getMetric().getName(),
              LabelSelectors.toQuery(external.getMetric().getSelector()));
      if (samples.isEmpty()) {
        throw new IllegalArgumentException("no metrics returned from external metrics API");
      }
      long sum = 0;
      for (MetricsApiClient.Sample sample : samples) {
        sum = saturatingAdd(sum, sample.value());
      }
      return single(external.getTarget(), sum, samples.get(0).timestamp());
    }

    private SingleMetricValue single(MetricTarget target, long value, Instant timestamp) {
      if ("AverageValue".equals(target.getType())) {
        return new SingleMetricValue(
            new SingleMetricValue.Current(null, value), null, format(timestamp));
      }
      List<Pod> listedPods = pods();
      if (listedPods.isEmpty() && scale.replicas() != 0) {
        // At 0 replicas the HPA scales from zero on the value alone; it needs no pods.
        throw new IllegalArgumentException(
            "no pods returned by selector while calculating replica count");
      }
      return new SingleMetricValue(
          new SingleMetricValue.Current(value, null),
          TargetPods.runningAndReady(listedPods),
          format(timestamp));
    }
  }

  private static Map<String, PodMetricSample> wireSamples(GroupedPods grouped) {
    Map<String, PodMetricSample> samples = new LinkedHashMap<>();
    grouped
        .samples()
        .forEach(
            (pod, sample) ->
                samples.put(
                    pod,
                    new PodMetricSample(
                        format(sample.timestamp()), sample.window().toNanos(), sample.value())));
    return samples;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }

  private static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
