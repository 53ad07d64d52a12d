package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.api.wire.ResourceMetric;
import java.util.List;
import java.util.Objects;

/**
 * What a run's metric stage gathered: the target's metric (per-resource mode), one metric per pod
 * (per-pod mode), or nothing because per-pod mode found no pods.
 */
public sealed interface GatheredMetrics
    permits GatheredMetrics.PerResource, GatheredMetrics.PerPod, GatheredMetrics.NoPods {

  /** The metrics in pod order; empty when there were no pods. */
  List<ResourceMetric> list();

  /**
   * The metrics as CPA v2's wire documents carry them, and the run log shows them: the list, or
   * {@code null} when per-pod mode found no pods. Only for writing them out.
   */
  List<ResourceMetric> wireList();

  /** The metric gathered for the target itself. */
  static GatheredMetrics perResource(ResourceMetric metric) {
    return new PerResource(metric);
  }

  /** The metrics gathered for each pod, in pod order; none is {@link #noPods()}. */
  static GatheredMetrics perPod(List<ResourceMetric> metrics) {
    return metrics.isEmpty() ? noPods() : new PerPod(metrics);
  }

  /** Per-pod mode found no pods, so no metric was gathered. */
  static GatheredMetrics noPods() {
    return new NoPods();
  }

  /** The metric gathered for the target itself. */
  record PerResource(ResourceMetric metric) implements GatheredMetrics {

    public PerResource {
      Objects.requireNonNull(metric, "metric");
    }

    @Override
    public List<ResourceMetric> list() {
      return List.of(metric);
    }

    @Override
    public List<ResourceMetric> wireList() {
      return list();
    }
  }

  /** The metrics gathered for each pod, in pod order; at least one. */
  record PerPod(List<ResourceMetric> list) implements GatheredMetrics {

    public PerPod {
      list = List.copyOf(list);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("per-pod metrics need a pod; without one it is NoPods");
      }
    }

    @Override
    public List<ResourceMetric> wireList() {
      return list;
    }
  }

  /** Per-pod mode found no pods. */
  record NoPods() implements GatheredMetrics {

    @Override
    public List<ResourceMetric> list() {
      return List.of();
    }

    @Override
    public List<ResourceMetric> wireList() {
      return null;
    }
  }
}
