package com.custompodautoscaler.autoscaler.api;

import com.custompodautoscaler.pipeline.assembly.DaemonThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started JDK HTTP server that answers every request with one handler on daemon threads of its
 * own. A handler's unexpected exception is logged and the exchange closed; an I/O error, such as a
 * client gone, only closes it.
 */
final class HttpListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpListener.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpListener(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts {@code server}, whose requests {@code handler} answers on {@code threads} threads named
   * {@code name}, as the log names the listener too.
   */
  static HttpListener start(HttpServer server, String name, int threads, HttpHandler handler) {
    ExecutorService executor = Executors.newFixedThreadPool(threads, DaemonThreads.named(name));
    server.createContext("/", exchange -> answer(name, handler, exchange));
    server.setExecutor(executor);
    server.start();
    return new HttpListener(server, executor);
  }

  private static void answer(String name, HttpHandler handler, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      handler.handle(exchange);
    } catch (RuntimeException e) {
      log.error("{} request failed: {}", name, e.toString(), e);
    }
  }

  /** The port listened on, useful when the configured port is 0. */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
