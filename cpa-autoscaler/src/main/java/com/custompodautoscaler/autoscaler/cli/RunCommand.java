package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.pipeline.config.LoadedConfig;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesConnection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the autoscaler until SIGTERM or SIGINT, then shuts down gracefully and exits 0. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the autoscaler (the default command).")
final class RunCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin private ConfigOption config;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Optional<LoadedConfig> found = config.loadOrReport(spec.commandLine().getErr());
    if (found.isEmpty()) {
      return ExitCodes.INVALID_CONFIG;
    }
    LoadedConfig loaded = found.get();
    LogVerbosity.apply(loaded.config().logVerbosity());
    log.info(
        "Custom Pod Autoscaler for Java {}, config from {}", Version.current(), loaded.source());
    try (KubernetesClient client = KubernetesConnection.fromEnvironment()) {
      AutoscalerApplication application =
          AutoscalerApplication.start(loaded.config(), client, Clock.systemUTC());
      TerminationSignal.awaitThenExitCleanly(application::close);
    } catch (StartupException e) {
      log.error("cannot start: {}", e.getMessage());
      return ExitCodes.CANNOT_START;
    }
    return ExitCodes.OK;
  }
}
