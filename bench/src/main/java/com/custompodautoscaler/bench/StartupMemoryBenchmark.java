package com.custompodautoscaler.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The autoscaler jar as a process, as a pod runs it: time from launch to {@code /readyz} answering
 * 200, then resident memory (VmRSS, and the peak VmHWM) once it has made 1,000 runs, each calling a
 * metric and an evaluate command; for the JVM's defaults and for the flags recommended for the
 * container image.
 */
final class StartupMemoryBenchmark implements Bench {

  private static final int RUNS = 1000;
  private static final int STARTS = 10;
  private static final int TRAINING_RUNS = 50;
  static final String IMAGE_FLAGS =
      "-XX:+UseSerialGC -Xmx48m -Xss256k -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m"
          + " -XX:TieredStopAtLevel=1";
  private static final Pattern RUNS_TOTAL =
      Pattern.compile("cpa_runs_total\\{outcome=\"success\",run_type=\"scaler\"} (\\d+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Process, Integer> ports = new HashMap<>();

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
    String withArchive = IMAGE_FLAGS + " -XX:SharedArchiveFile=" + archive;
    train(context, config, IMAGE_FLAGS + " -XX:ArchiveClassesAtExit=" + archive);
    for (String flags : List.of("", IMAGE_FLAGS, withArchive)) {
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
  private void train(BenchContext context, Path config, String flags) throws Exception {
    Process process = launch(context, config, flags, freePort());
    try {
      waitForRuns(process, context, TRAINING_RUNS);
    } finally {
      stop(process);
    }
  }

  private long startAndMeasure(
      BenchContext context, Path config, String flags, boolean measureMemory, PrintStream out)
      throws Exception {
    int port = freePort();
    long launched = System.nanoTime();
    Process process = launch(context, config, flags, port);
    try {
      while (status(port, "/readyz") != 200) {
        failIfExited(process, context);
        Thread.sleep(5);
      }
      long startup = System.nanoTime() - launched;
      if (measureMemory) {
        long runs = waitForRuns(process, context, RUNS);
        out.printf(
            "  after %d runs: VmRSS %s, VmHWM %s%n",
            runs, memory(process.pid(), "VmRSS"), memory(process.pid(), "VmHWM"));
      }
      return startup;
    } finally {
      stop(process);
    }
  }

  private Process launch(BenchContext context, Path config, String flags, int port)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!flags.isEmpty()) {
      command.addAll(List.of(flags.split(" ")));
    }
    command.addAll(
        List.of("-jar", context.autoscalerJar().toString(), "--config", config.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(context.workDir().resolve("startup.log").toFile());
    builder.environment().put("KUBECONFIG", context.plane().kubeconfig().toString());
    builder.environment().put("apiConfig", "{\"host\": \"127.0.0.1\", \"port\": " + port + "}");
    Process process = builder.start();
    ports.put(process, port);
    return process;
  }

  private long waitForRuns(Process process, BenchContext context, int count) throws Exception {
    int port = ports.get(process);
    while (status(port, "/readyz") != 200) {
      failIfExited(process, context);
      Thread.sleep(5);
    }
    long runs;
    while ((runs = runs(port)) < count) {
      failIfExited(process, context);
      Thread.sleep(100);
    }
    return runs;
  }

  private static void failIfExited(Process process, BenchContext context) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the autoscaler exited: " + Files.readString(context.workDir().resolve("startup.log")));
    }
  }

  private void stop(Process process) throws InterruptedException {
    ports.remove(process);
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private int status(int port, String path) {
    try {
      return http.send(request(port, path), BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private long runs(int port) throws IOException, InterruptedException {
    Matcher matcher =
        RUNS_TOTAL.matcher(http.send(request(port, "/metrics"), BodyHandlers.ofString()).body());
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  private static String memory(long pid, String field) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith(field + ":"))
        .map(line -> line.substring(field.length() + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
