package com.custompodautoscaler.core.hpa;

/** A metric from which no replica count can be computed, such as one with no usable samples. */
public class ReplicaCalculationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReplicaCalculationException(String message) {
    super(message);
  }
}
