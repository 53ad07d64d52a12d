package com.custompodautoscaler.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for the pods' own metric endpoints: for every simulated pod, an HTTP server on the
 * pod's IP (a loopback address such as 127.0.0.5) answering {@code GET /metric} with {@code
 * {"load": N}}. The load the scenario sets is spread evenly over the pods, so their sum stays what
 * the scenario says however many pods there are.
 */
final class PodEndpoints implements AutoCloseable {

  private final int port;
  private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
  private volatile int totalLoad;

  PodEndpoints(int port) {
    this.port = port;
  }

  void setTotalLoad(int load) {
    totalLoad = load;
  }

  /** Starts serving a pod that is about to run. */
  void add(String podIp) {
    servers.computeIfAbsent(podIp, this::startServer);
  }

  /** Serves exactly the pods at {@code podIps}: starts the new ones, stops the gone ones. */
  synchronized void serve(List<String> podIps) {
    servers.keySet().stream()
        .filter(ip -> !podIps.contains(ip))
        .toList()
        .forEach(ip -> servers.remove(ip).stop(0));
    for (String ip : podIps) {
      servers.computeIfAbsent(ip, this::startServer);
    }
  }

  private HttpServer startServer(String ip) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(ip, port), 0);
      server.createContext("/metric", exchange -> answer(exchange, ip));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the simulated pod " + ip + ":" + port + " (" + e.getMessage() + ")", e);
    }
  }

  private void answer(HttpExchange exchange, String ip) throws IOException {
    try (exchange) {
      List<String> ips = servers.keySet().stream().sorted().toList();
      int share = shareOf(totalLoad, ips.size(), ips.indexOf(ip));
      byte[] body = ("{\"load\": " + share + "}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The part of {@code total} pod {@code index} of {@code count} carries; the parts sum to it. */
  static int shareOf(int total, int count, int index) {
    if (count == 0 || index < 0) {
      return 0;
    }
    return total / count + (index < total % count ? 1 : 0);
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(server -> server.stop(0));
    servers.clear();
  }
}
