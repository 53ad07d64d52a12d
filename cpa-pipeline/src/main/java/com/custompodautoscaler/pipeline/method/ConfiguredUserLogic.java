package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.HttpMethodConfig;
import com.custompodautoscaler.pipeline.config.JavaMethodConfig;
import com.custompodautoscaler.pipeline.config.MethodConfig;
import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import com.custompodautoscaler.pipeline.config.WorkerMethodConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's logic as configured: a method runner per stage, each call timed. Closing it stops the
 * workers of worker methods.
 */
public final class ConfiguredUserLogic implements UserLogic, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredUserLogic.class);

  private final Map<Stage, MethodRunner> runners;
  private final Map<Stage, String> types;
  private final UserLogicObserver observer;

  private ConfiguredUserLogic(
      Map<Stage, MethodRunner> runners, Map<Stage, String> types, UserLogicObserver observer) {
    this.runners = runners;
    this.types = types;
    this.observer = observer;
  }

  /** Builds a runner for every method {@code config} defines. */
  public static ConfiguredUserLogic from(
      AutoscalerConfig config,
      ProcessSessions sessions,
      Executor io,
      HttpClients clients,
      UserLogicObserver observer,
      WorkerObserver workers,
      Clock clock) {
    Map<Stage, MethodRunner> runners = new EnumMap<>(Stage.class);
    Map<Stage, String> types = new EnumMap<>(Stage.class);
    config
        .methods()
        .forEach(
            (stage, method) -> {
              runners.put(
                  stage, runner(stage, method, config, sessions, io, clients, workers, clock));
              types.put(stage, method.type());
            });
    return new ConfiguredUserLogic(runners, types, observer);
  }

  private static MethodRunner runner(
      Stage stage,
      MethodConfig method,
      AutoscalerConfig config,
      ProcessSessions sessions,
      Executor io,
      HttpClients clients,
      WorkerObserver workers,
      Clock clock) {
    String name = stage.configKey();
    if (method instanceof ShellMethodConfig shell) {
      return new ShellMethod(name, shell, sessions, io, config.maxOutputBytes());
    }
    if (method instanceof JavaMethodConfig java) {
      return new JavaMethod(name, java, io, config.maxOutputBytes(), sessions.environment(), clock);
    }
    if (method instanceof WorkerMethodConfig worker) {
      return new WorkerMethod(name, worker, sessions, io, config.maxOutputBytes(), workers);
    }
    HttpMethodConfig http = (HttpMethodConfig) method;
    return new HttpMethod(name, http, clients.clientFor(http.tls()), config.maxOutputBytes());
  }

  /** Stops every worker at once; calls to a worker method fail from now on. */
  @Override
  public void close() {
    for (MethodRunner runner : runners.values()) {
      if (runner instanceof WorkerMethod worker) {
        worker.close();
      }
    }
  }

  @Override
  public boolean defines(Stage stage) {
    return runners.containsKey(stage);
  }

  @Override
  public String call(Stage stage, String document) {
    MethodRunner runner = runners.get(stage);
    if (runner == null) {
      throw new UserLogicException("no method is configured for " + stage.configKey());
    }
    long started = System.nanoTime();
    boolean succeeded = false;
    try {
      log.trace("{} input: {}", stage.configKey(), document);
      String output = runner.call(document);
      log.trace("{} output: {}", stage.configKey(), output);
      succeeded = true;
      return output;
    } finally {
      observer.called(
          stage, types.get(stage), Duration.ofNanos(System.nanoTime() - started), succeeded);
    }
  }
}
