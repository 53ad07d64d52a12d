package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.Observation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Predictive HPA's {@code runtimeTuningFetchHook}: before each Holt-Winters prediction, an HTTP
 * call that sends the model and its history, oldest first, and may answer new {@code alpha}, {@code
 * beta} and {@code gamma}; a value it leaves out keeps the configured one. Its {@code type} is
 * {@code http}, the only type the Predictive HPA has.
 */
record TuningHook(
    URI url,
    String method,
    Map<String, String> headers,
    List<Integer> successCodes,
    boolean inBody,
    Duration timeout) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** Smoothing parameters a hook answered. */
  record Tuned(Optional<Double> alpha, Optional<Double> beta, Optional<Double> gamma) {
    static final Tuned NONE = new Tuned(Optional.empty(), Optional.empty(), Optional.empty());
  }

  static TuningHook read(Settings hook) {
    hook.allowing(Set.of("type", "timeout", "http"));
    String type = hook.text("type");
    if (!type.equals("http")) {
      throw new IllegalArgumentException(hook.where("type") + " must be http, got '" + type + "'");
    }
    Settings http =
        hook.child("http")
            .allowing(Set.of("method", "url", "headers", "successCodes", "parameterMode"));
    String mode = http.text("parameterMode");
    if (!mode.equals("body") && !mode.equals("query")) {
      throw new IllegalArgumentException(
          http.where("parameterMode") + " must be body or query, got '" + mode + "'");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    http.optionalChild("headers")
        .ifPresent(
            given ->
                given
                    .node()
                    .fields()
                    .forEachRemaining(
                        header -> headers.put(header.getKey(), header.getValue().asText())));
    List<Integer> codes = new ArrayList<>();
    JsonNode given = http.node().get("successCodes");
    if (given == null || !given.isArray() || given.isEmpty()) {
      throw new IllegalArgumentException(
          http.where("successCodes") + " must list the codes, such as [200]");
    }
    given.forEach(code -> codes.add(code.asInt()));
    URI url;
    try {
      url = URI.create(http.text("url"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(http.where("url") + " is not a URL: " + e.getMessage(), e);
    }
    return new TuningHook(
        url,
        http.text("method"),
        headers,
        codes,
        mode.equals("body"),
        Duration.ofMillis(hook.whole("timeout", 1)));
  }

  /**
   * Asks the hook, sending {@code {"model": ..., "replicaHistory": [{"time": ..., "replicas":
   * ...}]}}.
   *
   * @throws IllegalStateException when the call fails, answers another status or no JSON object
   */
  Tuned fetch(JsonNode model, List<Observation> history) {
    ObjectNode value = JSON.createObjectNode();
    value.set("model", model);
    ArrayNode replicaHistory = value.putArray("replicaHistory");
    for (Observation observation : history) {
      replicaHistory
          .addObject()
          .put("time", observation.time().toString())
          .put("replicas", observation.replicas());
    }
    String sent = value.toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                inBody
                    ? url
                    : URI.create(
                        url
                            + (url.getRawQuery() == null ? "?" : "&")
                            + "value="
                            + URLEncoder.encode(sent, StandardCharsets.UTF_8)))
            .timeout(timeout)
            .method(
                method,
                inBody
                    ? HttpRequest.BodyPublishers.ofString(sent)
                    : HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the tuning hook " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the tuning hook " + url + " was interrupted", e);
    }
    if (!successCodes.contains(response.statusCode())) {
      throw new IllegalStateException(
          "the tuning hook " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "the tuning hook " + url + " answered no JSON: " + e.getMessage(), e);
    }
    if (answer == null || !answer.isObject()) {
      throw new IllegalStateException("the tuning hook " + url + " answered no JSON object");
    }
    return new Tuned(number(answer, "alpha"), number(answer, "beta"), number(answer, "gamma"));
  }

  private Optional<Double> number(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw new IllegalStateException(
          "the tuning hook " + url + " answered " + field + ": " + value + ", not a number");
    }
    return Optional.of(value.doubleValue());
  }
}
