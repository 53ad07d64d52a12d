package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.api.wire.Evaluation;
import com.custompodautoscaler.api.wire.ScaleInfo;
import com.custompodautoscaler.api.wire.ScaleTargetRefDocument;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import com.custompodautoscaler.core.decision.ScalingDecision;
import com.custompodautoscaler.core.decision.ScalingInput;
import com.custompodautoscaler.core.decision.ScalingPolicy;
import com.custompodautoscaler.core.model.ReplicaBounds;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.UserLogic;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling: decide (bounds, disabled, stabilization), {@code preScale}, set the replicas when they
 * change, {@code postScale}. Keeps the stabilization history between runs. A conflict while setting
 * the replicas re-reads the scale and tries once more.
 */
final class ScaleStage {

  private static final Logger log = LoggerFactory.getLogger(ScaleStage.class);

  private final TargetRef target;
  private final String namespace;
  private final ReplicaBounds bounds;
  private final Duration stabilizationWindow;
  private final ScaleClient scales;
  private final UserLogic userLogic;
  private final ScalingPolicy policy = new ScalingPolicy();
  private final Clock clock;
  private RecommendationHistory history = RecommendationHistory.empty();

  ScaleStage(ScaleSettings settings, ScaleClient scales, UserLogic userLogic, Clock clock) {
    this.target = settings.target();
    this.namespace = settings.namespace();
    this.bounds = settings.bounds();
    this.stabilizationWindow = settings.stabilizationWindow();
    this.scales = scales;
    this.userLogic = userLogic;
    this.clock = clock;
  }

  void restore(RecommendationHistory restored) {
    history = restored;
  }

  /** Decides and applies; records the decision and any change in {@code report} as they happen. */
  void scale(TargetSnapshot snapshot, int evaluated, RunReport report) {
    int current = snapshot.currentReplicas();
    ScalingDecision decision =
        policy.decide(
            new ScalingInput(
                current, evaluated, bounds, stabilizationWindow, clock.instant(), history));
    report.decided(decision);
    if (decision.isDisabled()) {
      return;
    }
    history = decision.history();
    ScaleInfo info = scaleInfo(snapshot, evaluated, decision.targetReplicas(), report.type());
    Hooks.run(userLogic, Stage.PRE_SCALE, info, "failed to run pre-scaling hook");
    if (decision.changes(current)) {
      apply(decision.targetReplicas());
      report.appliedReplicas();
    }
    Hooks.run(userLogic, Stage.POST_SCALE, info, "failed to run post-scaling hook");
  }

  private void apply(int replicas) {
    try {
      try {
        scales.setReplicas(target, namespace, replicas);
      } catch (KubernetesAccessException e) {
        if (!e.isConflict()) {
          throw e;
        }
        log.debug("conflict while scaling {}; re-reading its scale", target.describe(), e);
        if (scales.readScale(target, namespace).replicas() != replicas) {
          scales.setReplicas(target, namespace, replicas);
        }
      }
    } catch (KubernetesAccessException e) {
      throw new StageFailure("failed to apply scaling changes to resource", e);
    }
  }

  private ScaleInfo scaleInfo(
      TargetSnapshot snapshot, int evaluated, int decided, RunType runType) {
    return new ScaleInfo(
        new Evaluation(decided),
        snapshot.resource().json(),
        new ScaleTargetRefDocument(target.kind(), target.name(), target.apiVersion()),
        namespace,
        bounds.min(),
        bounds.max(),
        evaluated,
        snapshot.currentReplicas(),
        runType.wireName());
  }

  /** What scaling needs to know from the configuration. */
  record ScaleSettings(
      TargetRef target, String namespace, ReplicaBounds bounds, Duration stabilizationWindow) {}
}
