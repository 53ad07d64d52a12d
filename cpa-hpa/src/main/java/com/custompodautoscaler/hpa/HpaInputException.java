package com.custompodautoscaler.hpa;

/** A stage document the HPA logic cannot work from; the message says what is wrong and where. */
final class HpaInputException extends RuntimeException {

  HpaInputException(String message) {
    super(message);
  }

  HpaInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
