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
      description = "With --load: each pod's CPU request, and the load it serves (default: 1000).")
  private Long podCpu;

  @Option(
      names = "--pod-startup",
      paramLabel = "SECONDS",
      description = "With --load: how long an added pod takes to become ready (default: 60).")
  private Long podStartupSeconds;

  @Option(
      names = "--count-from",
      paramLabel = "SECONDS",
      description =
          "With --load: add up the costs from this time of the series on, leaving a warm-up out"
              + " (default: 0).")
  private Long countFromSeconds;

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
    if (series.load != null) {
      return simulateLoad(loaded, entries, err);
    }
    if (podCpu != null || podStartupSeconds != null || countFromSeconds != null) {
      err.println("--pod-cpu, --pod-startup and --count-from are for --load, not --input");
      return ExitCodes.INVALID_INPUT;
    }
    return replay(series.evaluations, new Simulation(loaded.bounds(), loaded.rules())::run, err);
  }

  /** How one kind of simulation plays a series to the output. */
  private interface Replay {
    void run(BufferedReader lines, PrintWriter out)
        throws IOException, InvalidInputException, InterruptedException;
  }

  /** Plays the series in {@code input}, and tells what stopped it, with its exit code. */
  private int replay(Path input, Replay replay, PrintWriter err) {
    try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      replay.run(lines, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      err.println("cannot start the logic: " + e.getMessage());
      return ExitCodes.CANNOT_START;
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

  private int simulateLoad(AutoscalerConfig loaded, Map<String, String> entries, PrintWriter err) {
    Optional<String> problem =
        inRange("--pod-cpu", podCpu, 1, Long.MAX_VALUE)
            .or(() -> inRange("--pod-startup", podStartupSeconds, 0, LoadSimulation.MOST_SECONDS))
            .or(() -> inRange("--count-from", countFromSeconds, 0, LoadSimulation.MOST_SECONDS));
    if (problem.isPresent()) {
      err.println(problem.get());
      return ExitCodes.INVALID_INPUT;
    }
    LoadSimulation simulation;
    try {
      simulation =
          new LoadSimulation(
              loaded,
              entries,
              new LoadSimulation.Pods(
                  podCpu == null ? 1000 : podCpu,
                  Duration.ofSeconds(podStartupSeconds == null ? 60 : podStartupSeconds)),
              new LoadSimulation.Counting(
                  Duration.ofSeconds(countFromSeconds == null ? 0 : countFromSeconds)));
    } catch (IllegalArgumentException e) {
      err.println("cannot simulate a load: " + e.getMessage());
      return ExitCodes.INVALID_CONFIG;
    }
    return replay(series.load, simulation::run, err);
  }

  /** Why {@code value} of {@code option}, when given, is not from {@code least} to {@code most}. */
  private static Optional<String> inRange(String option, Long value, long least, long most) {
    if (value == null || (value >= least && value <= most)) {
      return Optional.empty();
    }
    return Optional.of(option + " must be from " + least + " to " + most + ", got " + value);
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
