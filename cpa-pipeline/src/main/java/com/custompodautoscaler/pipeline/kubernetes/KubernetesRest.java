package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.URLUtils;
import java.io.IOException;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plain REST calls to the API server through fabric8's HTTP client, which brings authentication
 * (kubeconfig or in-cluster) and retries transient failures (5xx, 429, connection errors) with
 * exponential backoff. Any other failure becomes a {@link KubernetesAccessException} naming the
 * request and carrying the status.
 */
final class KubernetesRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REQUEST_TIMEOUT_SECONDS = 30;

  private final HttpClient http;
  private final String masterUrl;

  KubernetesRest(KubernetesClient client) {
    this.http = client.getHttpClient();
    this.masterUrl = client.getMasterUrl().toString();
  }

  String get(String path) {
    return send("GET", path, http.newHttpRequestBuilder().uri(url(path)));
  }

  /** The answer to {@code GET path}, parsed. */
  JsonNode getJson(String path) {
    String body = get(path);
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new KubernetesAccessException(
          path + ": the API server answered with invalid JSON: " + e.getOriginalMessage(),
          OptionalInt.empty(),
          e);
    }
  }

  String patch(String path, String contentType, String body) {
    return send(
        "PATCH", path, http.newHttpRequestBuilder().uri(url(path)).patch(contentType, body));
  }

  private String url(String path) {
    return URLUtils.join(masterUrl, path);
  }

  private String send(String verb, String path, HttpRequest.Builder builder) {
    String request = verb + " " + path;
    try {
      HttpResponse<String> response =
          http.sendAsync(builder.build(), String.class)
              .get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (response.isSuccessful()) {
        return response.body();
      }
      throw new KubernetesAccessException(
          request + ": " + answer(response.code(), statusMessage(response.body())),
          OptionalInt.of(response.code()),
          null);
    } catch (ExecutionException e) {
      throw new KubernetesAccessException(
          request + ": " + ClientErrors.describe(e.getCause()), OptionalInt.empty(), e.getCause());
    } catch (TimeoutException e) {
      throw new KubernetesAccessException(
          request + ": no answer within " + REQUEST_TIMEOUT_SECONDS + " s", OptionalInt.empty(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesAccessException(request + ": interrupted", OptionalInt.empty(), e);
    }
  }

  /**
   * The status code and the message, the code once: a path that no API serves is answered with the
   * plain text {@code 404 page not found}, which names its code already.
   */
  static String answer(int code, String message) {
    String status = String.valueOf(code);
    if (message.isEmpty() || message.equals(status)) {
      return status;
    }
    return message.startsWith(status + " ") ? message : status + " " + message;
  }

  /** The message of a Kubernetes Status body, or the body itself when it is not one. */
  private static String statusMessage(String body) {
    try {
      JsonNode status = JSON.readTree(body);
      if (status != null && status.hasNonNull("message")) {
        return status.get("message").asText();
      }
    } catch (IOException e) {
      // Not JSON: the body is the best description there is.
    }
    return body == null ? "" : body.strip();
  }
}
