package com.custompodautoscaler.host.process;

import com.custompodautoscaler.api.http.HttpResponses;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A host replica's {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}: every hosted
 * CPA's metrics, tagged with its namespace and name, and the host's own.
 */
final class HostEndpoints implements AutoCloseable {

  private final HttpServer server;

  HostEndpoints(int port, Host host) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        "/healthz", exchange -> HttpResponses.answerPlainText(exchange, 200, "ok"));
    server.createContext("/readyz", exchange -> HttpResponses.answerPlainText(exchange, 200, "ok"));
    server.createContext(
        "/metrics", exchange -> HttpResponses.answerPlainText(exchange, 200, host.scrapeMetrics()));
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
