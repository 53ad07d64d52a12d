package com.custompodautoscaler.core.hpa;

/**
 * The metrics gave no replica count safe to act on: all of them failed, or some failed and the rest
 * would scale down. The cause is the first failure.
 */
public class InvalidMetricsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidMetricsException(String message, Throwable firstFailure) {
    super(message, firstFailure);
  }
}
