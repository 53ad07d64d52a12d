package com.custompodautoscaler.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The autoscaler jar as a process, as a pod runs it: time from launch to {@code /readyz} answering
 * 200, then resident memory (VmRSS, and the peak VmHWM) once it has made 1,000 runs, each calling a
 * metric and an evaluate command; for the JVM's defaults and for the flags recommended for the
 * container image (from its Dockerfile).
 */
final class StartupMemoryBenchmark implements Bench {

  private static final int RUNS = 1000;
  private static final int STARTS = 10;
  private static final int TRAINING_RUNS = 50;
  private static final Pattern RUNS_TOTAL =
      Pattern.compile("cpa_runs_total\\{outcome=\"success\",run_type=\"scaler\"} (\\d+)");

  @Override
  public String name() {
    return "startup-memory";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    BenchTargets.createDeployment(context.plane().client(), "bench-startup", "web", 1);
    Path config = context.workDir().resolve("startup-config.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}",
            "namespace: bench-startup",
            "runMode: per-resource",
            "interval: 20",
            "metric: {type: shell, shell: {entrypoint: /bin/echo, command: ['1']}}",
            "evaluate: {type: shell, shell: {entrypoint: /bin/echo, command: ['{\"targetReplicas\": 1}']}}",
            ""));
    Path archive = context.workDir().resolve("cpa-autoscaler.jsa");
    String imageFlags = ImageFlags.of("autoscaler.Dockerfile");
    String withArchive = imageFlags + " -XX:SharedArchiveFile=" + archive;
    train(context, config, imageFlags + " -XX:ArchiveClassesAtExit=" + archive);
    for (String flags : List.of("", imageFlags, withArchive)) {
      out.println("JVM flags: " + (flags.isEmpty() ? "(none: the JVM's defaults)" : flags));
      List<Long> startups = new ArrayList<>();
      for (int i = 0; i < STARTS; i++) {
        boolean lastStart = i == STARTS - 1;
        startups.add(startAndMeasure(context, config, flags, lastStart, out));
      }
      out.println("  start-up to /readyz: " + Stats.ofNanos(startups).describe());
    }
  }

  /**
   * A training start that writes an application class-data archive (AppCDS) when it exits: the
   * classes a real start and some runs load, ready to be mapped by later starts.
   */
  private static void train(BenchContext context, Path config, String flags) throws Exception {
    JvmProcess autoscaler = launch(context, config, flags);
    try {
      waitForRuns(autoscaler, TRAINING_RUNS);
    } finally {
      autoscaler.stop();
    }
  }

  private static long startAndMeasure(
      BenchContext context, Path config, String flags, boolean measureMemory, PrintStream out)
      throws Exception {
    JvmProcess autoscaler = launch(context, config, flags);
    try {
      autoscaler.awaitOk("/readyz", Duration.ofMillis(5));
      long startup = autoscaler.elapsedNanos();
      if (measureMemory) {
        long runs = waitForRuns(autoscaler, RUNS);
        out.printf(
            "  after %d runs: VmRSS %s, VmHWM %s%n",
            runs, autoscaler.memory("VmRSS"), autoscaler.memory("VmHWM"));
      }
      return startup;
    } finally {
      autoscaler.stop();
    }
  }

  private static JvmProcess launch(BenchContext context, Path config, String flags)
      throws IOException {
    int port = JvmProcess.freePort();
    return JvmProcess.launch(
        "autoscaler",
        context.autoscalerJar(),
        flags,
        List.of("--config", config.toString()),
        Map.of(
            "KUBECONFIG",
            context.plane().kubeconfig().toString(),
            "apiConfig",
            "{\"host\": \"127.0.0.1\", \"port\": " + port + "}"),
        port,
        context.workDir().resolve("startup.log"));
  }

  private static long waitForRuns(JvmProcess autoscaler, int count) throws Exception {
    autoscaler.awaitOk("/readyz", Duration.ofMillis(5));
    long runs;
    while ((runs = runs(autoscaler)) < count) {
      autoscaler.failIfExited();
      Thread.sleep(100);
    }
    return runs;
  }

  private static long runs(JvmProcess autoscaler) throws IOException, InterruptedException {
    Matcher matcher = RUNS_TOTAL.matcher(autoscaler.body("/metrics"));
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
  }
}
