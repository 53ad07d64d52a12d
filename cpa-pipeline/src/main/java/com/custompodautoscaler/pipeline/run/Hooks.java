package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an optional hook; its output is only logged, its failure fails the run. */
final class Hooks {

  private static final Logger log = LoggerFactory.getLogger(Hooks.class);

  private Hooks() {}

  static void run(UserLogic userLogic, Stage hook, Object document, String failurePrefix) {
    if (!userLogic.defines(hook)) {
      return;
    }
    try {
      String output = userLogic.call(hook, RunDocuments.toJson(document));
      log.trace("{} hook answered: {}", hook.configKey(), output);
    } catch (UserLogicException e) {
      throw new StageFailure(failurePrefix, e);
    }
  }
}
