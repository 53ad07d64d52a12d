package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.port.UserLogicException;

/** Calls one configured method with a stage document and returns its output verbatim. */
public interface MethodRunner {

  /**
   * @throws UserLogicException when the call fails, times out or answers with too much output
   */
  String call(String document);
}
