package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.WorkerMethodConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * A worker's answer line: the stage's output, unless it is {@code {"error": "..."}}, the worker's
 * way to fail a call and go on serving.
 */
final class WorkerAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Only a line that starts like an error object is parsed; outputs pass through untouched. */
  private static final Pattern LOOKS_LIKE_AN_ERROR = Pattern.compile("^\\s*\\{\\s*\"error\"\\s*:");

  private WorkerAnswer() {}

  /**
   * The stage's output in {@code line}.
   *
   * @throws UserLogicException when the line is an error answer
   */
  static String of(String line, WorkerMethodConfig config) {
    if (!LOOKS_LIKE_AN_ERROR.matcher(line).find()) {
      return line;
    }
    try {
      JsonNode answer = JSON.readTree(line);
      if (answer.isObject() && answer.size() == 1 && answer.get("error").isTextual()) {
        throw new UserLogicException(
            config.describe() + " answered an error: " + answer.get("error").textValue());
      }
    } catch (JsonProcessingException e) {
      // Not JSON after all: an output that merely starts like an error object.
    }
    return line;
  }
}
