package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.autoscaler.api.Readiness;
import com.custompodautoscaler.autoscaler.api.RestApi;
import com.custompodautoscaler.autoscaler.config.AutoscalerConfig;
import com.custompodautoscaler.autoscaler.kubernetes.KubernetesTargetClient;
import com.custompodautoscaler.autoscaler.method.ConfiguredUserLogic;
import com.custompodautoscaler.autoscaler.method.HttpClients;
import com.custompodautoscaler.autoscaler.method.ProcessSessions;
import com.custompodautoscaler.autoscaler.observe.AutoscalerMetrics;
import com.custompodautoscaler.autoscaler.observe.RunLog;
import com.custompodautoscaler.autoscaler.run.Autoscaler;
import com.custompodautoscaler.autoscaler.run.RunScheduler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running autoscaler: scheduler, REST API and readiness probe around one {@link Autoscaler}.
 * Closing it shuts down gracefully: no new runs, a short grace period for the run in progress, then
 * the user commands still running are killed with their process trees.
 */
public final class AutoscalerApplication implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AutoscalerApplication.class);
  static final Duration GRACE_PERIOD = Duration.ofSeconds(5);

  private final ProcessSessions sessions;
  private final ExecutorService io;
  private final Autoscaler autoscaler;
  private final RunScheduler scheduler;
  private final ApiServerProbe probe;
  private final RestApi api;

  private AutoscalerApplication(Parts parts) {
    this.sessions = parts.sessions;
    this.io = parts.io;
    this.autoscaler = parts.autoscaler;
    this.scheduler = parts.scheduler;
    this.probe = parts.probe;
    this.api = parts.api;
  }

  /** Builds every part from {@code config} and starts the scheduler and the REST API. */
  public static AutoscalerApplication start(
      AutoscalerConfig config, KubernetesClient client, Clock clock) throws StartupException {
    Parts parts = new Parts();
    parts.sessions = ProcessSessions.forThisMachine();
    parts.io = Executors.newCachedThreadPool(daemonThreads());
    AutoscalerMetrics metrics = new AutoscalerMetrics();
    ConfiguredUserLogic userLogic;
    try {
      userLogic =
          ConfiguredUserLogic.from(config, parts.sessions, parts.io, new HttpClients(), metrics);
    } catch (IllegalArgumentException e) {
      parts.io.shutdownNow();
      throw new StartupException("cannot set up the user-logic methods: " + e.getMessage(), e);
    }
    KubernetesTargetClient kubernetes = new KubernetesTargetClient(client);
    RunLog runLog = new RunLog(config.scaleTargetRef(), config.namespace());
    parts.autoscaler =
        new Autoscaler(
            config,
            kubernetes,
            kubernetes,
            userLogic,
            clock,
            report -> {
              runLog.finished(report);
              metrics.finished(report);
            });
    Readiness readiness = new Readiness();
    parts.api = config.api().enabled() ? startApi(config, parts, readiness, metrics) : null;
    if (parts.api == null) {
      log.info("REST API disabled");
    }
    parts.probe = new ApiServerProbe(client, readiness);
    parts.probe.start();
    parts.scheduler =
        new RunScheduler(parts.autoscaler, config.startTime(), config.interval(), clock);
    parts.scheduler.start();
    return new AutoscalerApplication(parts);
  }

  private static RestApi startApi(
      AutoscalerConfig config, Parts parts, Readiness readiness, AutoscalerMetrics metrics)
      throws StartupException {
    try {
      return RestApi.start(config.api(), parts.autoscaler, readiness, metrics);
    } catch (IOException | IllegalArgumentException e) {
      parts.autoscaler.close();
      parts.io.shutdownNow();
      throw new StartupException(
          "cannot start the REST API on "
              + config.api().host()
              + ":"
              + config.api().port()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The port the REST API listens on, when it is enabled. */
  public Optional<Integer> apiPort() {
    return Optional.ofNullable(api).map(RestApi::port);
  }

  @Override
  public void close() {
    log.info("shutting down");
    scheduler.stopScheduling();
    probe.stop();
    try {
      if (!scheduler.awaitStopped(GRACE_PERIOD)) {
        log.warn(
            "the run in progress did not end within {} s; ending its commands",
            GRACE_PERIOD.toSeconds());
        sessions.killAll();
        if (!scheduler.awaitStopped(GRACE_PERIOD)) {
          scheduler.interrupt();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (api != null) {
      api.close();
    }
    sessions.killAll();
    autoscaler.close();
    io.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return task -> {
      Thread thread = new Thread(task, "user-logic-io");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The parts, gathered while they are built. */
  private static final class Parts {
    private ProcessSessions sessions;
    private ExecutorService io;
    private Autoscaler autoscaler;
    private RunScheduler scheduler;
    private ApiServerProbe probe;
    private RestApi api;
  }
}
