package com.custompodautoscaler.autoscaler.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What every line of a simulation's input has: a JSON object with a {@code time} in seconds from
 * the start of the series (fractions allowed), which starts at the epoch.
 */
final class SeriesLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Its nanoseconds still fit in a long. */
  private static final BigDecimal LONGEST_SERIES_SECONDS =
      BigDecimal.valueOf(LoadSimulation.MOST_SECONDS);

  private SeriesLines() {}

  /** Line {@code lineNumber} as a JSON object. */
  static JsonNode object(String text, int lineNumber) throws InvalidInputException {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(lineNumber, "not a JSON object: " + e.getOriginalMessage());
    }
    if (line == null || !line.isObject()) {
      throw new InvalidInputException(lineNumber, "not a JSON object");
    }
    return line;
  }

  /** The line's {@code time}, as written. */
  static NumericNode time(JsonNode line, int lineNumber) throws InvalidInputException {
    JsonNode time = line.get("time");
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

  /** The moment {@code time} seconds after the start of the series. */
  static Instant at(NumericNode time) {
    return Instant.EPOCH.plus(Duration.ofNanos(time.decimalValue().movePointRight(9).longValue()));
  }

  /** The line's {@code key}, a whole number from 0 up. */
  static long wholeNumber(JsonNode line, String key, long highest, int lineNumber)
      throws InvalidInputException {
    JsonNode value = line.get(key);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < 0) {
      throw new InvalidInputException(
          lineNumber, "\"" + key + "\" must be a whole number from 0 up, got " + value);
    }
    if (value.longValue() > highest) {
      throw new InvalidInputException(
          lineNumber, "\"" + key + "\" must be at most " + highest + ", got " + value);
    }
    return value.longValue();
  }
}
