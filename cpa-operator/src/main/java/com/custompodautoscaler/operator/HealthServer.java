package com.custompodautoscaler.operator;

import com.custompodautoscaler.api.http.HttpResponses;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/** {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics} for the operator's pod. */
final class HealthServer implements AutoCloseable {

  private final HttpServer server;

  /**
   * Serves on {@code port}. A replica {@code standingBy} for leadership is ready: it is there to
   * take over, and a rollout must not wait for it to lead.
   */
  HealthServer(int port, Operator operator, OperatorMetrics metrics, BooleanSupplier standingBy)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/healthz", exchange -> HttpResponses.answerPlainText(exchange, 200, "ok"));
    server.createContext(
        "/readyz",
        exchange -> {
          if (standingBy.getAsBoolean()) {
            HttpResponses.answerPlainText(exchange, 200, "ok: standing by for leadership");
            return;
          }
          boolean ready =
              operator.getRuntimeInfo().isStarted()
                  && operator.getRuntimeInfo().allEventSourcesAreHealthy();
          HttpResponses.answerPlainText(
              exchange,
              ready ? 200 : 503,
              ready ? "ok" : "not ready: event sources are starting or unhealthy");
        });
    server.createContext(
        "/metrics", exchange -> HttpResponses.answerPlainText(exchange, 200, metrics.scrape()));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
