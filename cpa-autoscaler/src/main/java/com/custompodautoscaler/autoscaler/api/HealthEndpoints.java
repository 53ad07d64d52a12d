package com.custompodautoscaler.autoscaler.api;

import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}, which the REST API and the
 * health listener both serve.
 */
final class HealthEndpoints {

  private final Readiness readiness;
  private final AutoscalerMetrics metrics;
  private final Map<String, HttpHandler> byPath =
      Map.of("/healthz", this::health, "/readyz", this::readiness, "/metrics", this::prometheus);

  HealthEndpoints(Readiness readiness, AutoscalerMetrics metrics) {
    this.readiness = readiness;
    this.metrics = metrics;
  }

  /** Whether {@code path} is one of these endpoints. */
  boolean serves(String path) {
    return byPath.containsKey(path);
  }

  /** Answers a request whose path {@link #serves} says is one of these endpoints. */
  void answer(HttpExchange exchange) throws IOException {
    byPath.get(exchange.getRequestURI().getPath()).handle(exchange);
  }

  private void health(HttpExchange exchange) throws IOException {
    plainForGetOrHead(exchange, 200, "ok");
  }

  private void readiness(HttpExchange exchange) throws IOException {
    boolean ready = readiness.isReady();
    plainForGetOrHead(
        exchange, ready ? 200 : 503, ready ? "ok" : "not ready: " + readiness.reason());
  }

  private void prometheus(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      Responses.plain(exchange, 405, "method not allowed");
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    Responses.write(exchange, 200, metrics.scrape());
  }

  private static void plainForGetOrHead(HttpExchange exchange, int status, String body)
      throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      Responses.plain(exchange, status, body);
    } else {
      Responses.plain(exchange, 405, "method not allowed");
    }
  }
}
