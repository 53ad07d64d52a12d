package com.custompodautoscaler.core.port;

import com.custompodautoscaler.core.model.Stage;

/** The user's logic: one method per stage, called with the stage's JSON document. */
public interface UserLogic {

  /** Whether a method is configured for {@code stage}; hooks are optional. */
  boolean defines(Stage stage);

  /**
   * Calls the method of {@code stage} with {@code document} and returns its output verbatim.
   *
   * @throws UserLogicException when the method fails, with a message that says how
   */
  String call(Stage stage, String document);
}
