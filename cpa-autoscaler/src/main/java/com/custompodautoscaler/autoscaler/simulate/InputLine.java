package com.custompodautoscaler.autoscaler.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of simulation input: {@code {"time": 30, "currentReplicas": 4, "evaluation": 7}}, the
 * time in seconds from the start of the series (fractions allowed).
 */
record InputLine(NumericNode time, Instant at, int currentReplicas, int evaluation) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal LONGEST_SERIES_SECONDS = BigDecimal.valueOf(1L << 40);

  /** Parses line {@code lineNumber}; the simulation starts at the epoch. */
  static InputLine parse(String text, int lineNumber) throws InvalidInputException {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(lineNumber, "not a JSON object: " + e.getOriginalMessage());
    }
    if (line == null || !line.isObject()) {
      throw new InvalidInputException(lineNumber, "not a JSON object");
    }
    NumericNode time = time(line.get("time"), lineNumber);
    return new InputLine(
        time,
        Instant.EPOCH.plus(Duration.ofNanos(time.decimalValue().movePointRight(9).longValue())),
        replicas(line, "currentReplicas", lineNumber),
        replicas(line, "evaluation", lineNumber));
  }

  private static NumericNode time(JsonNode time, int lineNumber) throws InvalidInputException {
    if (time == null || !time.isNumber()) {
      throw new InvalidInputException(
          lineNumber, "\"time\" must be a number of seconds from the start, got " + time);
    }
    BigDecimal seconds = time.decimalValue();
    if (seconds.signum() < 0 || seconds.compareTo(LONGEST_SERIES_SECONDS) > 0) {
      throw new InvalidInputException(
          lineNumber, "\"time\" must be from 0 to " + LONGEST_SERIES_SECONDS + ", got " + time);
    }
    return (NumericNode) time;
  }

  private static int replicas(JsonNode line, String key, int lineNumber)
      throws InvalidInputException {
    JsonNode value = line.get(key);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < 0) {
      throw new InvalidInputException(
          lineNumber, "\"" + key + "\" must be a whole number from 0 up, got " + value);
    }
    return value.intValue();
  }
}
