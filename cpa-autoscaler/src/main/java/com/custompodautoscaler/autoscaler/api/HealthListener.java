package com.custompodautoscaler.autoscaler.api;

import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener for probes ({@code healthPort}): plain HTTP on all interfaces, serving only {@code
 * /healthz}, {@code /readyz} and Prometheus {@code /metrics}, whatever the REST API's settings, so
 * that kubelet finds them where the operator said.
 */
public final class HealthListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HealthListener.class);

  /** A probe and a scrape at once; neither waits on a run. */
  private static final int HANDLER_THREADS = 2;

  private final HealthEndpoints health;
  private final HttpListener listener;

  private HealthListener(HttpServer server, HealthEndpoints health) {
    this.health = health;
    this.listener = HttpListener.start(server, "health", HANDLER_THREADS, this::handle);
  }

  /**
   * Starts listening on {@code port} of every interface; 0 picks a free port.
   *
   * @throws IOException when the port cannot be bound
   */
  public static HealthListener start(int port, Readiness readiness, AutoscalerMetrics metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    HealthListener listener = new HealthListener(server, new HealthEndpoints(readiness, metrics));
    log.info("health endpoints listening on http://0.0.0.0:{}", listener.port());
    return listener;
  }

  /** The port listened on, useful when the given port is 0. */
  public int port() {
    return listener.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (health.serves(exchange.getRequestURI().getPath())) {
      health.answer(exchange);
    } else {
      Responses.plain(exchange, 404, "404 page not found");
    }
  }

  @Override
  public void close() {
    listener.close();
  }
}
