package com.custompodautoscaler.api.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers of the small HTTP servers of the operator and the autoscaler host: health endpoints,
 * metrics and the admission webhook.
 */
public final class HttpResponses {

  public static final String PLAIN_TEXT = "text/plain; charset=utf-8";
  public static final String JSON = "application/json";

  private HttpResponses() {}

  /** Sends {@code body} as {@code contentType} with {@code status}. */
  public static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Answers {@code exchange} with {@code status} and {@code body} as plain text ending in a new
   * line, and closes it.
   */
  public static void answerPlainText(HttpExchange exchange, int status, String body)
      throws IOException {
    try (exchange) {
      send(exchange, status, PLAIN_TEXT, body.endsWith("\n") ? body : body + "\n");
    }
  }
}
