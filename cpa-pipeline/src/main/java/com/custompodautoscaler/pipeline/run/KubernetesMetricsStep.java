package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.port.ScaleState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes metrics of a run, with CPA v2's failure rules: when they are required, any spec
 * that could not be gathered fails the run; otherwise each failure is logged and user logic gets
 * what could be gathered. Either way the failures go on to the run's report (the CPA's status and
 * events).
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

  /** The gathered metrics and the failures; none when no spec is configured. */
  KubernetesMetricsSource.Gathered gather(ScaleState scale) throws InterruptedException {
    if (specs == 0) {
      return new KubernetesMetricsSource.Gathered(List.of(), List.of());
    }
    return source.gather(scale);
  }

  /**
   * Lets the run go on with what {@code gathered} holds, logging each failure, unless the metrics
   * are required and one failed.
   *
   * @throws StageFailure when the metrics are required and one could not be gathered
   */
  void goOnWith(KubernetesMetricsSource.Gathered gathered) {
    List<MetricFailure> failures = gathered.failures();
    if (failures.isEmpty()) {
      return;
    }
    String summary =
        "gatherer multi metric error: "
            + failures.size()
            + " errors, first error is "
            + failures.get(0).message();
    if (required) {
      throw new StageFailure(
          gathered.metrics().isEmpty()
              ? "failed to get all required Kubernetes metrics: " + summary
              : "failed to get some ("
                  + failures.size()
                  + "/"
                  + specs
                  + ") required Kubernetes metrics: "
                  + summary);
    }
    for (int i = 0; i < failures.size(); i++) {
      MetricFailure failure = failures.get(i);
      log.warn(
          "{} when retrieving Kubernetes metrics ({}/{}): {}",
          what(failure.kind()),
          i + 1,
          specs,
          failure.message());
    }
    log.warn("failed to retrieve Kubernetes metrics, not required so continuing: {}", summary);
  }

  /** The log's words for a kind of failure, as CPA v2's "error when retrieving ..." begins. */
  private static String what(MetricFailure.Kind kind) {
    return switch (kind) {
      case FAILED -> "error";
      case FORBIDDEN -> "missing permission";
      case METRICS_API_NOT_SERVED -> "metrics API not served";
    };
  }
}
