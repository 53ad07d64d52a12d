package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.autoscaler.simulate.InvalidInputException;
import com.custompodautoscaler.autoscaler.simulate.LoadSimulation;
import com.custompodautoscaler.autoscaler.simulate.Simulation;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Replays evaluations through the configuration's bounds and behavior, or runs its whole pipeline
 * against a simulated load, with no cluster.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Replay a series of evaluations (--input: JSON lines of time, currentReplicas, evaluation)"
            + " through the configuration's bounds and behavior or downscaleStabilization, or run"
            + " the whole autoscaler, its user logic included, against a workload whose CPU load"
            + " follows a series (--load: JSON lines of time and cpu), on virtual time; print one"
            + " JSON line a step. Needs no cluster.")
final class SimulateCommand implements Callable<Integer> {

  @Mixin private ConfigOption config;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Series series;

  static final class Series {
    @Option(
        names = "--input",
        paramLabel = "FILE",
        description =
            "JSON lines: {\"time\": <seconds>, \"currentReplicas\": N, \"evaluation\": N}.")
    private Path evaluations;

    @Option(
        names = "--load",
        paramLabel = "FILE",
        description = "JSON lines: {\"time\": <seconds>, \"cpu\": <millicores asked for>}.")
    private Path load;
  }

  @Option(
      names = "--pod-cpu",
      paramLabel = "MILLICORES",
      defaultValue = "1000",
      description =
          "With --load: each pod's CPU request, and the load it serves (default: ${DEFAULT-VALUE}).")
  private long podCpu;

  @Option(
      names = "--pod-startup",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "With --load: how long an added pod takes to become ready (default: ${DEFAULT-VALUE}).")
  private long podStartupSeconds;

  @Option(
      names = "--count-from",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "With --load: add up the costs from this time of the series on, leaving a warm-up out"
              + " (default: ${DEFAULT-VALUE}).")
  private long countFromSeconds;

  @Option(
      names = "--config-entry",
      paramLabel = "NAME=VALUE",
      description =
          "A config entry of the CustomPodAutoscaler: a variable of the configuration, the"
              + " commands and the logic, over this process's environment; VALUE @FILE is the"
              + " file's content. Repeatable.")
  private Map<String, String> configEntries = new LinkedHashMap<>();

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> entries;
    try {
      entries = entries();
    } catch (IOException e) {
      err.println("--config-entry: cannot read " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    Optional<LoadedConfig> found = config.loadOrReport(err, entries);
    if (found.isEmpty()) {
      return ExitCodes.INVALID_CONFIG;
    }
    AutoscalerConfig loaded = found.get().config();
    Path input = series.load != null ? series.load : series.evaluations;
    if (series.load != null && (podCpu < 1 || podStartupSeconds < 0 || countFromSeconds < 0)) {
      err.println("--pod-cpu must be at least 1, --pod-startup and --count-from at least 0");
      return ExitCodes.INVALID_INPUT;
    }
    try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      if (series.load != null) {
        new LoadSimulation(
                loaded,
                entries,
                new LoadSimulation.Pods(podCpu, Duration.ofSeconds(podStartupSeconds)),
                new LoadSimulation.Counting(Duration.ofSeconds(countFromSeconds)))
            .run(lines, spec.commandLine().getOut());
      } else {
        new Simulation(loaded.bounds(), loaded.rules()).run(lines, spec.commandLine().getOut());
      }
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      err.println("cannot simulate: " + e.getMessage());
      return ExitCodes.INVALID_CONFIG;
    } catch (InvalidInputException e) {
      err.println(input + " " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    } catch (IOException e) {
      err.println("cannot read " + input + ": " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted");
      return ExitCodes.CANNOT_START;
    }
  }

  /** The config entries, each {@code @FILE} value read. */
  private Map<String, String> entries() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : configEntries.entrySet()) {
      String value = entry.getValue();
      entries.put(
          entry.getKey(),
          value.startsWith("@")
              ? Files.readString(Path.of(value.substring(1)), StandardCharsets.UTF_8)
              : value);
    }
    return entries;
  }
}
