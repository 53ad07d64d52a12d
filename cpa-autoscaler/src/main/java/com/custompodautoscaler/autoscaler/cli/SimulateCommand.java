package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.autoscaler.simulate.InvalidInputException;
import com.custompodautoscaler.autoscaler.simulate.Simulation;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Replays evaluations through the configuration's bounds and behavior, with no cluster. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Replay a series of evaluations (JSON lines of time, currentReplicas, evaluation) through"
            + " the configuration's bounds and behavior or downscaleStabilization, and print the"
            + " replicas the autoscaler would set, one JSON line each. Needs no cluster.")
final class SimulateCommand implements Callable<Integer> {

  @Mixin private ConfigOption config;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      required = true,
      description = "JSON lines: {\"time\": <seconds>, \"currentReplicas\": N, \"evaluation\": N}.")
  private Path input;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    Optional<LoadedConfig> found = config.loadOrReport(spec.commandLine().getErr());
    if (found.isEmpty()) {
      return ExitCodes.INVALID_CONFIG;
    }
    LoadedConfig loaded = found.get();
    Simulation simulation = new Simulation(loaded.config().bounds(), loaded.config().rules());
    try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      simulation.run(lines, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (InvalidInputException e) {
      spec.commandLine().getErr().println(input + " " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      spec.commandLine().getErr().println("cannot read " + input + ": " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
  }
}
