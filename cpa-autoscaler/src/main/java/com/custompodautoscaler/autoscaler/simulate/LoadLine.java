package com.custompodautoscaler.autoscaler.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.time.Instant;

/**
 * One line of a load series: {@code {"time": 30, "cpu": 4200}}, the CPU the workload asks for from
 * that time on, in millicores, until the next line.
 */
record LoadLine(NumericNode time, Instant at, long cpu) {

  /** The most CPU a line may ask for: a million cores. */
  private static final long MOST_MILLICORES = 1_000_000_000L;

  static LoadLine parse(String text, int lineNumber) throws InvalidInputException {
    JsonNode line = SeriesLines.object(text, lineNumber);
    NumericNode time = SeriesLines.time(line, lineNumber);
    return new LoadLine(
        time,
        SeriesLines.at(time),
        SeriesLines.wholeNumber(line, "cpu", MOST_MILLICORES, lineNumber));
  }
}
