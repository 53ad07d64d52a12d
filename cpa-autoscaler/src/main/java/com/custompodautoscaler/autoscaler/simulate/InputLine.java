package com.custompodautoscaler.autoscaler.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.time.Instant;

/**
 * One line of simulation input: {@code {"time": 30, "currentReplicas": 4, "evaluation": 7}}, the
 * time in seconds from the start of the series (fractions allowed).
 */
record InputLine(NumericNode time, Instant at, int currentReplicas, int evaluation) {

  /** Parses line {@code lineNumber}; the simulation starts at the epoch. */
  static InputLine parse(String text, int lineNumber) throws InvalidInputException {
    JsonNode line = SeriesLines.object(text, lineNumber);
    NumericNode time = SeriesLines.time(line, lineNumber);
    return new InputLine(
        time,
        SeriesLines.at(time),
        (int) SeriesLines.wholeNumber(line, "currentReplicas", Integer.MAX_VALUE, lineNumber),
        (int) SeriesLines.wholeNumber(line, "evaluation", Integer.MAX_VALUE, lineNumber));
  }
}
