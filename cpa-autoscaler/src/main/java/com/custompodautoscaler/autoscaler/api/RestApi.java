package com.custompodautoscaler.autoscaler.api;

import com.custompodautoscaler.api.wire.Evaluation;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.pipeline.config.ApiConfig;
import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.tls.PemKeys;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
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
  private static final String API_PREFIX = "/api/v1";
  private static final int HANDLER_THREADS = 4;

  private final Autoscaler autoscaler;
  private final HealthEndpoints health;
  private final HttpListener listener;

  private RestApi(HttpServer server, Autoscaler autoscaler, HealthEndpoints health) {
    this.autoscaler = autoscaler;
    this.health = health;
    this.listener = HttpListener.start(server, "rest-api", HANDLER_THREADS, this::handle);
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
    RestApi api = new RestApi(server, autoscaler, new HealthEndpoints(readiness, metrics));
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
    return listener.port();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case API_PREFIX + "/metrics" -> onlyFor("GET", exchange, () -> metricsEndpoint(exchange));
      case API_PREFIX + "/evaluation" ->
          onlyFor("POST", exchange, () -> evaluationEndpoint(exchange));
      default -> {
        if (health.serves(path)) {
          health.answer(exchange);
        } else {
          notFound(exchange, path);
        }
      }
    }
  }

  private void metricsEndpoint(HttpExchange exchange) throws IOException {
    Optional<RunReport> report = runFor(exchange, RunGoal.METRICS, RunGoal.METRICS);
    if (report.isPresent()) {
      Responses.json(exchange, 200, report.get().metrics().orElseThrow().wireList());
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
    Responses.json(exchange, 200, new Evaluation(replicas));
  }

  /** Runs as far as the goal for the dry-run flag; answers the error itself and returns empty. */
  private Optional<RunReport> runFor(HttpExchange exchange, RunGoal goal, RunGoal dryRunGoal)
      throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Optional<Boolean> dryRun = DryRunParameter.parse(rawQuery);
    if (dryRun.isEmpty()) {
      Responses.error(
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
      Responses.error(exchange, 503, "the autoscaler is shutting down");
      return Optional.empty();
    }
    if (report.failure().isPresent()) {
      Responses.error(exchange, 500, report.failure().get().detail());
      return Optional.empty();
    }
    return Optional.of(report);
  }

  private static void onlyFor(String allowed, HttpExchange exchange, Endpoint endpoint)
      throws IOException {
    if (exchange.getRequestMethod().equals(allowed)) {
      endpoint.serve();
    } else {
      Responses.error(
          exchange,
          405,
          "Method '"
              + exchange.getRequestMethod()
              + "' not allowed on resource '"
              + exchange.getRequestURI().getPath()
              + "'");
    }
  }

  private static void notFound(HttpExchange exchange, String path) throws IOException {
    if (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")) {
      Responses.error(exchange, 404, "Resource '" + path + "' not found");
    } else {
      Responses.plain(exchange, 404, "404 page not found");
    }
  }

  @Override
  public void close() {
    listener.close();
  }

  /** Serves one endpoint. */
  @FunctionalInterface
  private interface Endpoint {
    void serve() throws IOException;
  }
}
