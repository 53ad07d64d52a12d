package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.api.wire.Evaluation;
import com.custompodautoscaler.api.wire.ScaleInfo;
import com.custompodautoscaler.api.wire.ScaleTargetRefDocument;
import com.custompodautoscaler.core.decision.DecisionInput;
import com.custompodautoscaler.core.decision.DecisionRules;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.ReplicaBounds;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.UserLogic;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling: decide by the rules and the bounds, {@code preScale}, set the replicas when they change,
 * {@code postScale}. Holds no state: the state of the last decision goes in, and the outcome
 * carries the state to keep. A conflict while setting the replicas re-reads the scale and tries
 * once more.
 */
final class ScaleStage {

  private static final Logger log = LoggerFactory.getLogger(ScaleStage.class);

  private final TargetRef target;
  private final String namespace;
  private final ReplicaBounds bounds;
  private final DecisionRules rules;
  private final ScaleClient scales;
  private final UserLogic userLogic;

  ScaleStage(ScaleSettings settings, ScaleClient scales, UserLogic userLogic) {
    this.target = settings.target();
    this.namespace = settings.namespace();
    this.bounds = settings.bounds();
    this.rules = settings.rules();
    this.scales = scales;
    this.userLogic = userLogic;
  }

  /**
   * Decides from {@code state} as of {@code now} and applies the decision, the hooks learning the
   * run's {@code runType}; a rescale is remembered as of {@code now} too.
   *
   * @throws ScaleFailure when a hook or setting the replicas fails after the decision
   */
  ScaleOutcome scale(
      TargetSnapshot snapshot, int evaluated, RunType runType, DecisionState state, Instant now) {
    int current = snapshot.currentReplicas();
    ReplicaDecision decision =
        rules.decide(new DecisionInput(current, evaluated, bounds, state, now));
    ScaleOutcome outcome = ScaleOutcome.decided(decision);
    if (decision.isDisabled()) {
      return outcome;
    }
    int decided = decision.targetReplicas();
    ScaleInfo info = scaleInfo(snapshot, evaluated, decided, runType);
    try {
      Hooks.run(userLogic, Stage.PRE_SCALE, info, "failed to run pre-scaling hook");
      if (decision.changes(current)) {
        apply(decided);
        outcome =
            outcome.appliedKeeping(rules.afterRescale(decision.state(), current, decided, now));
      }
      Hooks.run(userLogic, Stage.POST_SCALE, info, "failed to run post-scaling hook");
      return outcome;
    } catch (RuntimeException e) {
      throw new ScaleFailure(outcome, e);
    }
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
      TargetRef target, String namespace, ReplicaBounds bounds, DecisionRules rules) {}
}
