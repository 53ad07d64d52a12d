package com.custompodautoscaler.autoscaler.cli;

/** The autoscaler could not start; the message says what to fix. */
public final class StartupException extends Exception {

  private static final long serialVersionUID = 1L;

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
