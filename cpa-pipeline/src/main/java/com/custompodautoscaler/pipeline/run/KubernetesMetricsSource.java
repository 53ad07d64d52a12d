package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.core.port.ScaleState;
import java.util.List;

/** Gathers the Kubernetes metrics a configuration names, once per run. */
public interface KubernetesMetricsSource {

  /**
   * The metrics of the configured specs for a target whose scale is {@code scale}: an entry for
   * each spec that could be gathered, and a failure for each that could not.
   */
  Gathered gather(ScaleState scale) throws InterruptedException;

  /** What one gathering found. */
  record Gathered(List<KubernetesMetric> metrics, List<MetricFailure> failures) {

    public Gathered {
      metrics = List.copyOf(metrics);
      failures = List.copyOf(failures);
    }

    /** Why each metric that could not be gathered was not, as the stage documents carry it. */
    public List<String> failureMessages() {
      return failures.stream().map(MetricFailure::message).toList();
    }
  }
}
