package com.custompodautoscaler.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Reads {@code targetReplicas} from the evaluate method's output, strictly: it must be there, and
 * be a whole number from 0 to 2147483647. CPA v2 reads a missing or null value as 0, which can
 * scale a workload to zero by accident; here it fails the run. Other fields are ignored, and the
 * key matches in any letter case, as in CPA v2.
 */
final class EvaluationParser {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String KEY = "targetReplicas";
  private static final int SHOWN_OUTPUT_CHARS = 500;

  private EvaluationParser() {}

  static int targetReplicas(String output) {
    JsonNode evaluation;
    try {
      evaluation = JSON.readTree(output);
    } catch (JsonProcessingException e) {
      throw failure(output, "invalid JSON: " + e.getOriginalMessage());
    }
    if (evaluation == null || !evaluation.isObject()) {
      throw failure(output, "expected a JSON object with targetReplicas");
    }
    JsonNode value = field(evaluation);
    if (value == null) {
      throw failure(output, "targetReplicas is missing");
    }
    if (value.isNull()) {
      throw failure(output, "targetReplicas is null");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw failure(output, "targetReplicas must be a whole number, got " + value);
    }
    if (value.intValue() < 0) {
      throw failure(output, "targetReplicas must not be negative, got " + value.intValue());
    }
    return value.intValue();
  }

  private static JsonNode field(JsonNode evaluation) {
    JsonNode exact = evaluation.get(KEY);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> field : evaluation.properties()) {
      if (field.getKey().equalsIgnoreCase(KEY)) {
        return field.getValue();
      }
    }
    return null;
  }

  private static StageFailure failure(String output, String reason) {
    String shown =
        output.length() <= SHOWN_OUTPUT_CHARS
            ? output
            : output.substring(0, SHOWN_OUTPUT_CHARS) + "...";
    return new StageFailure("failed to parse JSON evaluation, got '" + shown + "': " + reason);
  }
}
