package com.custompodautoscaler.autoscaler.simulate;

/** A line of simulation input that cannot be simulated; the message names the line. */
public final class InvalidInputException extends Exception {

  InvalidInputException(int lineNumber, String problem) {
    super("line " + lineNumber + ": " + problem);
  }
}
