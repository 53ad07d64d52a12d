package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.core.port.ScaleState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes metrics of a run, with CPA v2's failure rules: when they are required, any spec
 * that could not be gathered fails the run; otherwise each failure is logged and user logic gets
 * what could be gathered.
 */
final class KubernetesMetricsStep {

  private static final Logger log = LoggerFactory.getLogger(KubernetesMetricsStep.class);

  private final KubernetesMetricsSource source;
  private final int specs;
  private final boolean required;

  KubernetesMetricsStep(KubernetesMetricsSource source, int specs, boolean required) {
    this.source = source;
    this.specs = specs;
    this.required = required;
  }

  /** The gathered metrics; none when no spec is configured. */
  List<KubernetesMetric> gather(ScaleState scale) throws InterruptedException {
    if (specs == 0) {
      return List.of();
    }
    KubernetesMetricsSource.Gathered gathered = source.gather(scale);
    List<String> errors = gathered.errors();
    if (errors.isEmpty()) {
      return gathered.metrics();
    }
    String summary =
        "gatherer multi metric error: "
            + errors.size()
            + " errors, first error is "
            + errors.get(0);
    if (required) {
      throw new StageFailure(
          gathered.metrics().isEmpty()
              ? "failed to get all required Kubernetes metrics: " + summary
              : "failed to get some ("
                  + errors.size()
                  + "/"
                  + specs
                  + ") required Kubernetes metrics: "
                  + summary);
    }
    for (int i = 0; i < errors.size(); i++) {
      log.warn("error when retrieving Kubernetes metrics ({}/{}): {}", i + 1, specs, errors.get(i));
    }
    log.warn("failed to retrieve Kubernetes metrics, not required so continuing: {}", summary);
    return gathered.metrics();
  }
}
