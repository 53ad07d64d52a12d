package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.api.wire.MetricInput;
import com.custompodautoscaler.api.wire.PostMetricInput;
import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.core.model.RunMode;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.TargetReader;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metric gathering: {@code preMetric}, the metric method (once for the target, or once per pod of
 * the scale's selector), {@code postMetric}. Per-pod mode without pods gathers {@link
 * GatheredMetrics.NoPods}, which user logic receives as {@code null}, as in CPA v2.
 */
final class MetricStage {

  private static final Logger log = LoggerFactory.getLogger(MetricStage.class);

  private final RunMode runMode;
  private final String namespace;
  private final TargetReader targets;
  private final UserLogic userLogic;
  private final PodMetricCalls podCalls;
  private final KubernetesMetricsStep kubernetesMetrics;
  private final AtomicBoolean warnedAboutMissingSelector = new AtomicBoolean();

  MetricStage(
      RunMode runMode,
      String namespace,
      TargetReader targets,
      UserLogic userLogic,
      PodMetricCalls podCalls,
      KubernetesMetricsStep kubernetesMetrics) {
    this.runMode = runMode;
    this.namespace = namespace;
    this.targets = targets;
    this.userLogic = userLogic;
    this.podCalls = podCalls;
    this.kubernetesMetrics = kubernetesMetrics;
  }

  /** What the stage gathered, and the Kubernetes metrics that failed without failing the run. */
  record Result(GatheredMetrics metrics, List<MetricFailure> kubernetesMetricFailures) {

    Result {
      Objects.requireNonNull(metrics, "metrics");
      kubernetesMetricFailures = List.copyOf(kubernetesMetricFailures);
    }
  }

  Result gather(TargetSnapshot snapshot, RunType runType) throws InterruptedException {
    KubernetesMetricsSource.Gathered kubernetes = kubernetesMetrics.gather(snapshot.scale());
    List<KubernetesMetric> gathered = kubernetes.metrics();
    List<KubernetesObject> pods = runMode == RunMode.PER_POD ? pods(snapshot) : List.of();
    String resource = snapshot.resource().json();
    hook(Stage.PRE_METRIC, new MetricInput(resource, runType.wireName(), gathered), "pre-metric");
    GatheredMetrics metrics =
        runMode == RunMode.PER_POD
            ? perPod(pods, runType, gathered)
            : GatheredMetrics.perResource(perResource(snapshot.resource(), runType, gathered));
    hook(
        Stage.POST_METRIC,
        new PostMetricInput(resource, metrics.wireList(), runType.wireName(), gathered),
        "post-metric");
    return new Result(metrics, kubernetes.failures());
  }

  private List<KubernetesObject> pods(TargetSnapshot snapshot) {
    if (!snapshot.scale().hasSelector()) {
      if (warnedAboutMissingSelector.compareAndSet(false, true)) {
        log.warn(
            "the scale subresource of {} publishes no pod selector, so per-pod mode finds no pods",
            snapshot.resource().name());
      }
      return List.of();
    }
    try {
      return targets.listPods(namespace, snapshot.scale().selector());
    } catch (KubernetesAccessException e) {
      throw new StageFailure("failed to get pods being managed", e);
    }
  }

  private GatheredMetrics perPod(
      List<KubernetesObject> pods, RunType runType, List<KubernetesMetric> gathered)
      throws InterruptedException {
    if (pods.isEmpty()) {
      return GatheredMetrics.noPods();
    }
    try {
      return GatheredMetrics.perPod(
          podCalls.gather(pods, pod -> callForPod(pod, runType, gathered)));
    } catch (PodMetricCalls.PodCallFailure e) {
      throw new StageFailure("failed to gather metrics", e);
    }
  }

  private String callForPod(
      KubernetesObject pod, RunType runType, List<KubernetesMetric> gathered) {
    try {
      return userLogic.call(
          Stage.METRIC,
          RunDocuments.toJson(new MetricInput(pod.json(), runType.wireName(), gathered)));
    } catch (UserLogicException e) {
      throw new UserLogicException("pod " + pod.name() + ": " + e.getMessage(), e);
    }
  }

  private ResourceMetric perResource(
      KubernetesObject resource, RunType runType, List<KubernetesMetric> gathered) {
    try {
      String value =
          userLogic.call(
              Stage.METRIC,
              RunDocuments.toJson(new MetricInput(resource.json(), runType.wireName(), gathered)));
      return new ResourceMetric(resource.name(), value);
    } catch (UserLogicException e) {
      throw new StageFailure("failed to gather metrics", e);
    }
  }

  private void hook(Stage stage, Object document, String name) {
    Hooks.run(userLogic, stage, document, "failed to run " + name + " hook");
  }
}
