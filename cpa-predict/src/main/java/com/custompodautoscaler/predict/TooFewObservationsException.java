package com.custompodautoscaler.predict;

/**
 * A model was asked for a forecast before its history holds what it needs: it is warming up, and
 * has no forecast to give.
 */
public final class TooFewObservationsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TooFewObservationsException(String message) {
    super(message);
  }
}
