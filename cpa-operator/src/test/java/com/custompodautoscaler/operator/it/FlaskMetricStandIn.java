package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.pipeline.testing.LoopbackServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the Go CPA's flask-metric example app, the target of its per-pod examples: on each
 * pod's (loopback) address, {@code GET /metric} on port 5000 answers {@code {"value": v,
 * "available": 5 - v, "min": 0, "max": 5}} as the app's {@code json.dumps} writes it. All pods
 * report the value the test sets.
 */
final class FlaskMetricStandIn implements AutoCloseable {

  /** The port the upstream metric script asks every pod on. */
  static final int PORT = 5000;

  static final int MAX = 5;

  private final List<HttpServer> servers = new ArrayList<>();
  private final AtomicInteger value = new AtomicInteger();

  /** Serves on port 5000 of every address in {@code podIps}. */
  static FlaskMetricStandIn on(List<String> podIps) throws IOException {
    FlaskMetricStandIn app = new FlaskMetricStandIn();
    try {
      for (String ip : podIps) {
        app.servers.add(app.serve(ip));
      }
    } catch (IOException e) {
      app.close();
      throw new IOException("cannot serve the stand-in app on port " + PORT + ": " + e, e);
    }
    return app;
  }

  /** Sets every pod's value, from 0 (all of its room available) to 5 (none). */
  void setValue(int newValue) {
    value.set(newValue);
  }

  private HttpServer serve(String ip) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(ip, PORT), 0);
    server.createContext(
        "/metric",
        exchange -> {
          int current = value.get();
          LoopbackServer.respond(
              exchange,
              200,
              "{\"value\": "
                  + current
                  + ", \"available\": "
                  + (MAX - current)
                  + ", \"min\": 0, \"max\": "
                  + MAX
                  + "}");
        });
    server.start();
    return server;
  }

  @Override
  public void close() {
    servers.forEach(server -> server.stop(0));
  }
}
