package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.api.wire.EvaluateInput;
import com.custompodautoscaler.api.wire.Evaluation;
import com.custompodautoscaler.api.wire.PostEvaluateInput;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import java.util.Optional;

/** Evaluation: {@code preEvaluate}, the evaluate method, strict parsing, {@code postEvaluate}. */
final class EvaluateStage {

  private final UserLogic userLogic;

  EvaluateStage(UserLogic userLogic) {
    this.userLogic = userLogic;
  }

  /**
   * What the evaluate method asks for (the replica count before bounds and stabilization), given
   * the {@code state} it asked to keep before.
   */
  Evaluated evaluate(
      TargetSnapshot snapshot, GatheredMetrics metrics, RunType runType, Optional<String> state) {
    String resource = snapshot.resource().json();
    EvaluateInput input =
        new EvaluateInput(metrics.wireList(), resource, runType.wireName(), state.orElse(null));
    Hooks.run(userLogic, Stage.PRE_EVALUATE, input, "failed to run pre-evaluate hook");
    String output;
    try {
      output = userLogic.call(Stage.EVALUATE, RunDocuments.toJson(input));
    } catch (UserLogicException e) {
      throw new StageFailure("failed to get evaluation", e);
    }
    Evaluated evaluated = EvaluationParser.parse(output);
    int targetReplicas = evaluated.targetReplicas();
    Hooks.run(
        userLogic,
        Stage.POST_EVALUATE,
        new PostEvaluateInput(
            metrics.wireList(), resource, new Evaluation(targetReplicas), runType.wireName()),
        "failed to run post-evaluate hook");
    return evaluated;
  }
}
