package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.api.wire.MetricInput;
import com.custompodautoscaler.api.wire.PostMetricInput;
import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.core.model.RunMode;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.TargetReader;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import java.util.List;
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
  private final AtomicBoolean warnedAboutMissingSelector = new AtomicBoolean();

  MetricStage(
      RunMode runMode,
      String namespace,
      TargetReader targets,
      UserLogic userLogic,
      PodMetricCalls podCalls) {
    this.runMode = runMode;
    this.namespace = namespace;
    this.targets = targets;
    this.userLogic = userLogic;
    this.podCalls = podCalls;
  }

  /**
   * The metric method's values, with {@code kubernetes}, the Kubernetes metrics gathered before,
   * and why any could not be, in every document.
   */
  GatheredMetrics gather(
      TargetSnapshot snapshot, RunType runType, KubernetesMetricsSource.Gathered kubernetes)
      throws InterruptedException {
    List<KubernetesObject> pods = runMode == RunMode.PER_POD ? pods(snapshot) : List.of();
    KubernetesObject resource = snapshot.resource();
    hook(Stage.PRE_METRIC, input(resource, runType, kubernetes), "pre-metric");
    GatheredMetrics metrics =
        runMode == RunMode.PER_POD
            ? perPod(pods, runType, kubernetes)
            : GatheredMetrics.perResource(perResource(resource, runType, kubernetes));
    hook(
        Stage.POST_METRIC,
        new PostMetricInput(
            resource.json(),
            metrics.wireList(),
            runType.wireName(),
            kubernetes.metrics(),
            kubernetes.failureMessages()),
        "post-metric");
    return metrics;
  }

  /** The metric input for {@code object}: the target, or one of its pods. */
  private static MetricInput input(
      KubernetesObject object, RunType runType, KubernetesMetricsSource.Gathered kubernetes) {
    return new MetricInput(
        object.json(), runType.wireName(), kubernetes.metrics(), kubernetes.failureMessages());
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
      List<KubernetesObject> pods, RunType runType, KubernetesMetricsSource.Gathered kubernetes)
      throws InterruptedException {
    if (pods.isEmpty()) {
      return GatheredMetrics.noPods();
    }
    try {
      return GatheredMetrics.perPod(
          podCalls.gather(pods, pod -> callForPod(pod, runType, kubernetes)));
    } catch (PodMetricCalls.PodCallFailure e) {
      throw new StageFailure("failed to gather metrics", e);
    }
  }

  private String callForPod(
      KubernetesObject pod, RunType runType, KubernetesMetricsSource.Gathered kubernetes) {
    try {
      return userLogic.call(Stage.METRIC, RunDocuments.toJson(input(pod, runType, kubernetes)));
    } catch (UserLogicException e) {
      throw new UserLogicException("pod " + pod.name() + ": " + e.getMessage(), e);
    }
  }

  private ResourceMetric perResource(
      KubernetesObject resource, RunType runType, KubernetesMetricsSource.Gathered kubernetes) {
    try {
      String value =
          userLogic.call(Stage.METRIC, RunDocuments.toJson(input(resource, runType, kubernetes)));
      return new ResourceMetric(resource.name(), value);
    } catch (UserLogicException e) {
      throw new StageFailure("failed to gather metrics", e);
    }
  }

  private void hook(Stage stage, Object document, String name) {
    Hooks.run(userLogic, stage, document, "failed to run " + name + " hook");
  }
}
