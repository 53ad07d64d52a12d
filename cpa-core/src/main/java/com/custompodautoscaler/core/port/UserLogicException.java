package com.custompodautoscaler.core.port;

/** User logic that failed: it could not start, exited non-zero, timed out or answered badly. */
public class UserLogicException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UserLogicException(String message) {
    super(message);
  }

  public UserLogicException(String message, Throwable cause) {
    super(message, cause);
  }
}
