package com.custompodautoscaler.pipeline.run;

/** A failure inside one stage, before the run-level prefix is added; message is CPA v2's text. */
final class StageFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StageFailure(String what, Throwable cause) {
    super(what + ": " + cause.getMessage(), cause);
  }

  StageFailure(String message) {
    super(message);
  }
}
