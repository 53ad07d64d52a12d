package com.custompodautoscaler.pipeline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** A real HTTP(S) server on a free loopback port, for tests of things that make HTTP calls. */
public final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String scheme;

  private LoopbackServer(HttpServer server, String scheme, HttpHandler handler) {
    this.server = server;
    this.scheme = scheme;
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
  }

  public static LoopbackServer http(HttpHandler handler) throws IOException {
    return new LoopbackServer(HttpServer.create(address(), 0), "http", handler);
  }

  public static LoopbackServer https(SSLContext context, HttpHandler handler) throws IOException {
    HttpsServer server = HttpsServer.create(address(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    return new LoopbackServer(server, "https", handler);
  }

  /** An HTTPS server that refuses clients without a certificate its context trusts. */
  public static LoopbackServer httpsRequiringClientCertificates(
      SSLContext context, HttpHandler handler) throws IOException {
    HttpsServer server = HttpsServer.create(address(), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setNeedClientAuth(true);
            params.setSSLParameters(parameters);
          }
        });
    return new LoopbackServer(server, "https", handler);
  }

  /** The base URL, for example {@code http://127.0.0.1:34567}. */
  public URI url() {
    String host = scheme.equals("https") ? "localhost" : "127.0.0.1";
    return URI.create(scheme + "://" + host + ":" + server.getAddress().getPort());
  }

  /** Writes {@code body} as the response with {@code status}. */
  public static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
