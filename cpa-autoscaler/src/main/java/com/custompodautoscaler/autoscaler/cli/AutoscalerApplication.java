package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.autoscaler.api.HealthListener;
import com.custompodautoscaler.autoscaler.api.Readiness;
import com.custompodautoscaler.autoscaler.api.RestApi;
import com.custompodautoscaler.core.schedule.BackOff;
import com.custompodautoscaler.pipeline.assembly.DaemonThreads;
import com.custompodautoscaler.pipeline.assembly.Pipeline;
import com.custompodautoscaler.pipeline.assembly.WriteGate;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.RunScheduler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running autoscaler: scheduler, REST API, health listener and readiness probe around one {@link
 * Autoscaler}. Closing it shuts down gracefully: no new runs, a short grace period for the run in
 * progress, then the user commands still running are killed with their process trees.
 */
public final class AutoscalerApplication implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AutoscalerApplication.class);
  private static final Duration GRACE_PERIOD = Duration.ofSeconds(5);

  private final ProcessSessions sessions = ProcessSessions.forThisMachine();
  private final ExecutorService io =
      Executors.newCachedThreadPool(DaemonThreads.named("user-logic-io"));
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("scheduler"));
  private final ExecutorService runs = Executors.newCachedThreadPool(DaemonThreads.named("run"));
  private final AutoscalerMetrics metrics = new AutoscalerMetrics();
  private final Readiness readiness = new Readiness();
  private final Pipeline pipeline;
  private final Autoscaler autoscaler;
  private final ApiServerProbe probe;
  private final RunScheduler scheduler;
  private RestApi api;
  private HealthListener healthListener;

  private AutoscalerApplication(AutoscalerConfig config, KubernetesClient client, Clock clock) {
    // Asking the API server first lets its answer, and readiness, come while the rest is built.
    this.probe = new ApiServerProbe(client, readiness);
    probe.start();
    this.pipeline =
        Pipeline.assemble(
            config,
            client,
            clock,
            new Pipeline.Shared(sessions, io, new HttpClients()),
            metrics,
            WriteGate.OPEN,
            Optional.empty());
    this.autoscaler = pipeline.autoscaler();
    this.scheduler =
        new RunScheduler(
            autoscaler,
            config.startTime(),
            config.interval(),
            clock,
            ticks,
            runs,
            new RunScheduler.Options(metrics::runStarted, BackOff.NONE));
  }

  /**
   * Starts the readiness probe, builds every part from {@code config}, then starts the health
   * listener (if configured), the REST API (if enabled) and the scheduler.
   *
   * @throws StartupException when a method's TLS files cannot be read or a listener cannot start
   */
  public static AutoscalerApplication start(
      AutoscalerConfig config, KubernetesClient client, Clock clock) throws StartupException {
    AutoscalerApplication application;
    try {
      application = new AutoscalerApplication(config, client, clock);
    } catch (IllegalArgumentException e) {
      throw new StartupException("cannot set up the user-logic methods: " + e.getMessage(), e);
    }
    application.startHealthListener(config);
    application.startApi(config);
    application.scheduler.start();
    return application;
  }

  private void startHealthListener(AutoscalerConfig config) throws StartupException {
    Optional<Integer> port = config.healthListenerPort();
    if (port.isEmpty()) {
      return;
    }
    try {
      healthListener = HealthListener.start(port.get(), readiness, metrics);
    } catch (IOException e) {
      throw abandoned("cannot start the health endpoints on port " + port.get(), e);
    }
  }

  private void startApi(AutoscalerConfig config) throws StartupException {
    if (!config.api().enabled()) {
      log.info("REST API disabled");
      return;
    }
    try {
      api = RestApi.start(config.api(), autoscaler, readiness, metrics);
    } catch (IOException | IllegalArgumentException e) {
      String address = config.api().host() + ":" + config.api().port();
      throw abandoned("cannot start the REST API on " + address, e);
    }
  }

  /** Stops what a failed start had started, and says why it failed. */
  private StartupException abandoned(String what, Exception cause) {
    if (healthListener != null) {
      healthListener.close();
    }
    pipeline.close();
    shutDownThreads();
    return new StartupException(what + ": " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    log.info("shutting down");
    probe.stop();
    try {
      scheduler.stop(GRACE_PERIOD, sessions::killAll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (api != null) {
      api.close();
    }
    if (healthListener != null) {
      healthListener.close();
    }
    pipeline.close();
    shutDownThreads();
  }

  private void shutDownThreads() {
    ticks.shutdownNow();
    runs.shutdownNow();
    io.shutdownNow();
  }
}
