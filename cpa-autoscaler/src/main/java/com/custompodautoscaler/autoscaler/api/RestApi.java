package com.custompodautoscaler.autoscaler.api;

import com.custompodautoscaler.api.wire.Evaluation;
import com.custompodautoscaler.autoscaler.config.ApiConfig;
import com.custompodautoscaler.autoscaler.observe.AutoscalerMetrics;
import com.custompodautoscaler.autoscaler.run.Autoscaler;
import com.custompodautoscaler.autoscaler.run.RunGoal;
import com.custompodautoscaler.autoscaler.run.RunReport;
import com.custompodautoscaler.autoscaler.tls.PemKeys;
import com.custompodautoscaler.core.model.RunType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API: CPA v2's {@code GET /api/v1/metrics} and {@code POST /api/v1/evaluation}, exactly,
 * plus {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}. Runs started here take
 * their turn with scheduled runs.
 */
public final class RestApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RestApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_PREFIX = "/api/v1";
  private static final String JSON_TYPE = "application/json";
  private static final int HANDLER_THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Autoscaler autoscaler;
  private final Readiness readiness;
  private final AutoscalerMetrics metrics;

  private RestApi(
      HttpServer server, Autoscaler autoscaler, Readiness readiness, AutoscalerMetrics metrics) {
    this.server = server;
    this.autoscaler = autoscaler;
    this.readiness = readiness;
    this.metrics = metrics;
    this.executor = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads());
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /**
   * Starts listening on {@code config}'s host and port, over HTTPS when it says so.
   *
   * @throws IOException when the address cannot be bound
   * @throws IllegalArgumentException when the HTTPS certificate or key cannot be read
   */
  public static RestApi start(
      ApiConfig config, Autoscaler autoscaler, Readiness readiness, AutoscalerMetrics metrics)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
    HttpServer server = config.useHttps() ? https(address, config) : HttpServer.create(address, 0);
    RestApi api = new RestApi(server, autoscaler, readiness, metrics);
    server.start();
    log.info(
        "REST API listening on {}://{}:{}",
        config.useHttps() ? "https" : "http",
        config.host(),
        api.port());
    return api;
  }

  private static HttpsServer https(InetSocketAddress address, ApiConfig config) throws IOException {
    HttpsServer server = HttpsServer.create(address, 0);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          PemKeys.keyManagers(Path.of(config.certFile()), Path.of(config.keyFile())), null, null);
      server.setHttpsConfigurator(new HttpsConfigurator(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("apiConfig: cannot set up HTTPS: " + e.getMessage(), e);
    }
    return server;
  }

  /** The port the API listens on, useful when the configured port is 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      switch (path) {
        case API_PREFIX + "/metrics" -> onlyFor("GET", exchange, () -> metricsEndpoint(exchange));
        case API_PREFIX + "/evaluation" ->
            onlyFor("POST", exchange, () -> evaluationEndpoint(exchange));
        case "/healthz" -> plainOnlyFor(method, exchange, 200, "ok");
        case "/readyz" ->
            plainOnlyFor(
                method,
                exchange,
                readiness.isReady() ? 200 : 503,
                readiness.isReady() ? "ok" : "not ready: " + readiness.reason());
        case "/metrics" -> prometheus(exchange);
        default -> notFound(exchange, path);
      }
    } catch (RuntimeException e) {
      log.error("REST API request failed: {}", e.toString(), e);
    }
  }

  private void metricsEndpoint(HttpExchange exchange) throws IOException {
    Optional<RunReport> report = runFor(exchange, RunGoal.METRICS, RunGoal.METRICS);
    if (report.isPresent()) {
      writeJson(exchange, 200, report.get().metrics().orElseThrow().wireList());
    }
  }

  private void evaluationEndpoint(HttpExchange exchange) throws IOException {
    Optional<RunReport> run = runFor(exchange, RunGoal.SCALE, RunGoal.EVALUATION);
    if (run.isEmpty()) {
      return;
    }
    RunReport report = run.get();
    int replicas =
        report.goal() == RunGoal.EVALUATION
            ? report.evaluatedReplicas().orElseThrow()
            : report.decision().orElseThrow().targetReplicas();
    writeJson(exchange, 200, new Evaluation(replicas));
  }

  /** Runs as far as the goal for the dry-run flag; answers the error itself and returns empty. */
  private Optional<RunReport> runFor(HttpExchange exchange, RunGoal goal, RunGoal dryRunGoal)
      throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Optional<Boolean> dryRun = DryRunParameter.parse(rawQuery);
    if (dryRun.isEmpty()) {
      writeError(
          exchange,
          400,
          "Invalid format for 'dry_run' query parameter; '"
              + DryRunParameter.firstValue(rawQuery)
              + "' is not a valid boolean value");
      return Optional.empty();
    }
    RunReport report;
    try {
      report =
          dryRun.get()
              ? autoscaler.run(RunType.API_DRY_RUN, dryRunGoal)
              : autoscaler.run(RunType.API, goal);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      writeError(exchange, 503, "the autoscaler is shutting down");
      return Optional.empty();
    }
    if (report.failure().isPresent()) {
      writeError(exchange, 500, report.failure().get().detail());
      return Optional.empty();
    }
    return Optional.of(report);
  }

  private void prometheus(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      writePlain(exchange, 405, "method not allowed");
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    write(exchange, 200, metrics.scrape());
  }

  private static void onlyFor(String allowed, HttpExchange exchange, Endpoint endpoint)
      throws IOException {
    if (exchange.getRequestMethod().equals(allowed)) {
      endpoint.serve();
    } else {
      writeError(
          exchange,
          405,
          "Method '"
              + exchange.getRequestMethod()
              + "' not allowed on resource '"
              + exchange.getRequestURI().getPath()
              + "'");
    }
  }

  private static void plainOnlyFor(String method, HttpExchange exchange, int status, String body)
      throws IOException {
    if (method.equals("GET") || method.equals("HEAD")) {
      writePlain(exchange, status, body);
    } else {
      writePlain(exchange, 405, "method not allowed");
    }
  }

  private static void notFound(HttpExchange exchange, String path) throws IOException {
    if (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")) {
      writeError(exchange, 404, "Resource '" + path + "' not found");
    } else {
      writePlain(exchange, 404, "404 page not found");
    }
  }

  private static void writeJson(HttpExchange exchange, int status, Object body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
    write(exchange, status, toJson(body));
  }

  private static void writeError(HttpExchange exchange, int status, String message)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON_TYPE + "; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    write(exchange, status, toJson(new ErrorBody(message, status)));
  }

  private static void writePlain(HttpExchange exchange, int status, String body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    write(exchange, status, body + "\n");
  }

  private static void write(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String toJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write response body", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return task -> {
      Thread thread = new Thread(task, "rest-api");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Serves one endpoint. */
  @FunctionalInterface
  private interface Endpoint {
    void serve() throws IOException;
  }
}
