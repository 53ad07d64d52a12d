package com.custompodautoscaler.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code targetReplicas} from the evaluate method's output, strictly: it must be there, and
 * be a whole number from 0 to 2147483647. CPA v2 reads a missing or null value as 0, which can
 * scale a workload to zero by accident; here it fails the run. Also reads {@code state}, any JSON
 * up to {@value #MAX_STATE_BYTES} bytes, which the autoscaler keeps for the next run. Other fields
 * are ignored, and the keys match in any letter case, as in CPA v2.
 */
final class EvaluationParser {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String KEY = "targetReplicas";
  private static final String STATE = "state";

  /** The largest state kept: it lives in the CustomPodAutoscaler's status, beside the rest. */
  static final int MAX_STATE_BYTES = 512 * 1024;

  private static final int SHOWN_OUTPUT_CHARS = 500;

  private EvaluationParser() {}

  static Evaluated parse(String output) {
    JsonNode evaluation;
    try {
      evaluation = JSON.readTree(output);
    } catch (JsonProcessingException e) {
      throw failure(output, "invalid JSON: " + e.getOriginalMessage());
    }
    if (evaluation == null || !evaluation.isObject()) {
      throw failure(output, "expected a JSON object with targetReplicas");
    }
    JsonNode value = field(evaluation, KEY);
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
    return new Evaluated(value.intValue(), state(evaluation));
  }

  private static Optional<String> state(JsonNode evaluation) {
    JsonNode state = field(evaluation, STATE);
    if (state == null) {
      return Optional.empty();
    }
    String json = state.toString();
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_STATE_BYTES) {
      throw new StageFailure(
          "the evaluation's state is "
              + bytes
              + " bytes of JSON, more than the "
              + MAX_STATE_BYTES
              + " the autoscaler keeps");
    }
    return Optional.of(json);
  }

  private static JsonNode field(JsonNode evaluation, String key) {
    JsonNode exact = evaluation.get(key);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> field : evaluation.properties()) {
      if (field.getKey().equalsIgnoreCase(key)) {
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
