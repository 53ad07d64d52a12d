package com.custompodautoscaler.autoscaler.simulate;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.method.ConfiguredUserLogic;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.MutableClock;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Runs a configuration's whole pipeline, its own user logic included, against a workload whose CPU
 * load follows a series, on virtual time: a run every interval from the series' first line to its
 * last, each printed as a JSON line, then a summary of what it cost. The workload is a {@link
 * SimulatedWorkload}; logic that reads the time from the clock it is given (see {@code
 * InProcessUserLogic}) sees the simulation's.
 *
 * <p>The summary integrates, over the series, the pods there were ({@code podSeconds}: what the
 * workload paid for, pods still starting included), the pods the load needed ({@code
 * neededPodSeconds}), and how many needed pods were not ready ({@code underProvisionedPodSeconds}).
 */
public final class LoadSimulation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest time a simulation takes in, in seconds: about 272 years. */
  public static final long MOST_SECONDS = 1L << 33;

  /** The workload's pods. */
  public record Pods(long cpuMillicores, Duration startup) {}

  /** What a simulation adds up its costs over: from {@code countFrom}, in series time, on. */
  public record Counting(Duration countFrom) {}

  private final AutoscalerConfig config;
  private final Map<String, String> configEntries;
  private final Pods pods;
  private final Counting counting;

  /**
   * @param configEntries the CPA's config entries, variables of its commands and logic over this
   *     process's environment, as in its pod
   * @throws IllegalArgumentException when the configuration's Kubernetes metrics are not the CPU of
   *     the target's pods, the one load a simulation gives
   */
  public LoadSimulation(
      AutoscalerConfig config, Map<String, String> configEntries, Pods pods, Counting counting) {
    List<MetricSpec> specs = config.kubernetesMetrics().specs();
    if (specs.isEmpty()) {
      throw new IllegalArgumentException(
          "kubernetesMetricSpecs is empty: a load simulation gives the logic the CPU of the"
              + " target's pods, so list a Resource cpu metric there");
    }
    for (int i = 0; i < specs.size(); i++) {
      MetricSpec spec = specs.get(i);
      if (!"Resource".equals(spec.getType())
          || spec.getResource() == null
          || !"cpu".equals(spec.getResource().getName())) {
        throw new IllegalArgumentException(
            "kubernetesMetricSpecs["
                + i
                + "] is not a Resource cpu metric: a load simulation gives only the CPU of the"
                + " target's pods");
      }
    }
    this.config = config;
    this.configEntries = Map.copyOf(configEntries);
    this.pods = pods;
    this.counting = counting;
  }

  /**
   * Simulates the series {@code input}, writing each run and then the summary to {@code output};
   * blank lines are skipped. The workload starts with the pods the first line's load needs, within
   * the configuration's bounds, all ready.
   */
  public void run(BufferedReader input, PrintWriter output)
      throws IOException, InvalidInputException, InterruptedException {
    List<LoadLine> series = read(input);
    if (series.size() < 2) {
      throw new InvalidInputException(
          series.size(), "a load needs two lines at least: the last one ends the series");
    }
    if (!Instant.EPOCH.plus(counting.countFrom()).isBefore(series.get(series.size() - 1).at())) {
      throw new InvalidInputException(
          series.size(),
          "the series ends at "
              + series.get(series.size() - 1).time()
              + " s, before the costs are counted from (--count-from "
              + counting.countFrom().toSeconds()
              + ")");
    }
    long firstNeeded = SimulatedWorkload.podsFor(series.get(0).cpu(), pods.cpuMillicores());
    int replicas =
        (int) Math.max(config.bounds().min(), Math.min(config.bounds().max(), firstNeeded));
    SimulatedWorkload workload =
        new SimulatedWorkload(
            config.kubernetesMetrics().specs(), pods.cpuMillicores(), pods.startup(), replicas);
    MutableClock clock = new MutableClock(Instant.EPOCH);
    ExecutorService io = Executors.newCachedThreadPool();
    try (ConfiguredUserLogic logic =
        ConfiguredUserLogic.from(
            config,
            ProcessSessions.forThisMachine()
                .in(Path.of("").toAbsolutePath(), configEntries, UnaryOperator.identity()),
            io,
            new HttpClients(),
            (stage, type, duration, succeeded) -> {},
            (stage, reason) -> {},
            clock)) {
      Autoscaler autoscaler =
          new Autoscaler(config, workload, workload, workload, logic, clock, report -> {});
      simulate(series, workload, clock, autoscaler, output);
    } finally {
      io.shutdownNow();
    }
  }

  private static List<LoadLine> read(BufferedReader input)
      throws IOException, InvalidInputException {
    List<LoadLine> series = new ArrayList<>();
    int lineNumber = 0;
    for (String text = input.readLine(); text != null; text = input.readLine()) {
      lineNumber++;
      if (text.isBlank()) {
        continue;
      }
      LoadLine line = LoadLine.parse(text, lineNumber);
      if (!series.isEmpty() && line.at().isBefore(series.get(series.size() - 1).at())) {
        throw new InvalidInputException(
            lineNumber, "\"time\" " + line.time() + " is earlier than the line before");
      }
      series.add(line);
    }
    return series;
  }

  /**
   * Moves from event to event (a run, a change of load, a pod that becomes ready), adding up the
   * pods between them, until the series' last line.
   */
  private void simulate(
      List<LoadLine> series,
      SimulatedWorkload workload,
      MutableClock clock,
      Autoscaler autoscaler,
      PrintWriter output)
      throws InterruptedException {
    Instant start = series.get(0).at();
    Instant end = series.get(series.size() - 1).at();
    Instant nextRun = start;
    int line = 0;
    Instant countFrom = Instant.EPOCH.plus(counting.countFrom());
    Costs costs = new Costs();
    for (Instant now = start; now.isBefore(end); ) {
      while (line + 1 < series.size() && !series.get(line + 1).at().isAfter(now)) {
        line++;
      }
      workload.at(now, series.get(line).cpu());
      clock.set(now);
      if (now.equals(nextRun)) {
        output.println(printed(now, workload, autoscaler.run(RunType.SCALER, RunGoal.SCALE, now)));
        if (!now.isBefore(countFrom)) {
          costs.runs++;
        }
        nextRun = nextRun.plus(config.interval());
      }
      Instant next = nextRun;
      if (line + 1 < series.size() && series.get(line + 1).at().isBefore(next)) {
        next = series.get(line + 1).at();
      }
      if (workload.nextReady().isBefore(next)) {
        next = workload.nextReady();
      }
      if (end.isBefore(next)) {
        next = end;
      }
      if (next.isAfter(countFrom)) {
        costs.add(workload, Duration.between(later(now, countFrom), next));
      }
      now = next;
    }
    output.println(costs.summary(later(start, countFrom), end));
    output.flush();
  }

  private static String printed(Instant now, SimulatedWorkload workload, RunReport report) {
    ObjectNode line = JSON.createObjectNode();
    putSeconds(line, "time", now.toEpochMilli());
    line.put("cpu", workload.cpu());
    report.currentReplicas().ifPresent(replicas -> line.put("currentReplicas", replicas));
    report.evaluatedReplicas().ifPresent(replicas -> line.put("evaluation", replicas));
    report
        .decision()
        .ifPresent(
            decision ->
                line.put("targetReplicas", decision.targetReplicas())
                    .put("reason", decision.reason().wireName()));
    report.failure().ifPresent(failure -> line.put("failure", failure.getMessage()));
    line.put("readyReplicas", workload.readyReplicas());
    return line.toString();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isBefore(b) ? b : a;
  }

  /** Puts {@code millis} in seconds, written without a fraction when there is none. */
  private static void putSeconds(ObjectNode node, String key, long millis) {
    if (millis % 1000 == 0) {
      node.put(key, millis / 1000);
    } else {
      node.put(key, millis / 1000.0);
    }
  }

  /** The pod-seconds added up so far, in milliseconds of pods. */
  private static final class Costs {
    private long runs;
    private long podMillis;
    private long neededMillis;
    private long underProvisionedMillis;

    void add(SimulatedWorkload workload, Duration span) {
      long millis = span.toMillis();
      podMillis += workload.replicas() * millis;
      neededMillis += workload.neededReplicas() * millis;
      underProvisionedMillis +=
          Math.max(0, workload.neededReplicas() - workload.readyReplicas()) * millis;
    }

    String summary(Instant from, Instant to) {
      ObjectNode summary = JSON.createObjectNode();
      ObjectNode costs = summary.putObject("summary");
      putSeconds(costs, "from", from.toEpochMilli());
      putSeconds(costs, "to", to.toEpochMilli());
      costs.put("runs", runs);
      putSeconds(costs, "podSeconds", podMillis);
      putSeconds(costs, "neededPodSeconds", neededMillis);
      putSeconds(costs, "underProvisionedPodSeconds", underProvisionedMillis);
      return summary.toString();
    }
  }
}
