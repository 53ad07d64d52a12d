package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.pipeline.config.LoadedConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks a configuration and prints every problem; exit code 0 when valid, 1 when not. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a configuration, print every problem, and exit 0 if it is valid, 1 if not.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin private ConfigOption config;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    Optional<LoadedConfig> loaded = config.loadOrReport(spec.commandLine().getErr());
    loaded.ifPresent(
        valid ->
            spec.commandLine()
                .getOut()
                .println("configuration from " + valid.source() + " is valid"));
    return loaded.isPresent() ? ExitCodes.OK : ExitCodes.INVALID_CONFIG;
  }
}
