package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.ReplicaHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the predictive logic keeps between runs, as the {@code state} of its evaluation: the HPA's
 * replica counts over time, how many runs it has seen, and when each model with a {@code
 * startInterval} started.
 */
record PredictiveState(ReplicaHistory history, long observed, Map<String, Instant> started) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final PredictiveState EMPTY = new PredictiveState(ReplicaHistory.empty(), 0, Map.of());

  /**
   * The state {@code state} holds; none ({@code null}) is the empty state.
   *
   * @throws IllegalArgumentException when it is not this logic's state
   */
  static PredictiveState read(JsonNode state) {
    if (state == null || state.isNull()) {
      return EMPTY;
    }
    if (!state.isObject()
        || !state.path("history").isTextual()
        || !state.path("observed").canConvertToLong()) {
      throw new IllegalArgumentException(
          "the kept state is not the predictive logic's: " + abbreviated(state));
    }
    Map<String, Instant> started = new HashMap<>();
    try {
      state
          .path("started")
          .fields()
          .forEachRemaining(
              model -> started.put(model.getKey(), Instant.parse(model.getValue().asText())));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the kept state has a start time that is no time: " + e.getMessage(), e);
    }
    return new PredictiveState(
        ReplicaHistory.decode(state.get("history").asText()),
        state.get("observed").asLong(),
        started);
  }

  ObjectNode write() {
    ObjectNode state = JSON.createObjectNode();
    state.put("history", history.encode());
    state.put("observed", observed);
    ObjectNode starts = state.putObject("started");
    started.forEach((model, at) -> starts.put(model, at.toString()));
    return state;
  }

  private static String abbreviated(JsonNode state) {
    String text = state.toString();
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
