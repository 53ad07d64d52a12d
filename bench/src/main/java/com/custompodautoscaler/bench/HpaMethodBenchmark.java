package com.custompodautoscaler.bench;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.method.ConfiguredUserLogic;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HPA logic of cpa-hpa through the {@code java} method (in-process) against the same logic
 * through the {@code shell} method ({@code java -jar cpa-hpa.jar metric|evaluate}, one JVM per
 * call), and through the {@code worker} method (one JVM started once, running the same class
 * through InProcessWorker), all called as runs call them: through the configured user logic. The
 * metric stage gets a CPU Utilization metric of 10 pods, the evaluate stage that stage's output.
 * The shell method is measured with the JVM's default flags and with flags for a short-lived JVM.
 */
final class HpaMethodBenchmark implements Bench {

  private static final int IN_PROCESS_WARMUP = 2_000;
  private static final int IN_PROCESS_CALLS = 10_000;
  private static final int SHELL_WARMUP = 5;
  private static final int SHELL_CALLS = 40;
  private static final int WORKER_WARMUP = 2_000;
  private static final int WORKER_CALLS = 5_000;
  private static final String CLASS_NAME = "com.custompodautoscaler.hpa.HpaLogic";
  private static final String QUICK_START_FLAGS =
      "-XX:TieredStopAtLevel=1, -XX:+UseSerialGC, -Xshare:auto, ";

  @Override
  public String name() {
    return "hpa-method";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    Path hpaJar = BenchContext.builtJar("cpa-hpa/target/cpa-hpa.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ExecutorService io = Executors.newCachedThreadPool();
    try {
      ConfiguredUserLogic inProcess =
          logic(
              "{type: java, java: {className: " + CLASS_NAME + ", classpath: [" + hpaJar + "]}}",
              "{type: java, java: {className: " + CLASS_NAME + ", classpath: [" + hpaJar + "]}}",
              io);
      ConfiguredUserLogic shell =
          logic(shell(java, "", hpaJar, "metric"), shell(java, "", hpaJar, "evaluate"), io);
      ConfiguredUserLogic worker =
          logic(worker(java, hpaJar, "metric"), worker(java, hpaJar, "evaluate"), io);
      ConfiguredUserLogic quickShell =
          logic(
              shell(java, QUICK_START_FLAGS, hpaJar, "metric"),
              shell(java, QUICK_START_FLAGS, hpaJar, "evaluate"),
              io);
      String metricInput = metricInput();
      String metricOutput = inProcess.call(Stage.METRIC, metricInput);
      String evaluateInput = evaluateInput(metricOutput);
      String evaluation = inProcess.call(Stage.EVALUATE, evaluateInput);
      out.println("metric output: " + metricOutput);
      out.println("evaluation:    " + evaluation);
      for (Stage stage : List.of(Stage.METRIC, Stage.EVALUATE)) {
        String input = stage == Stage.METRIC ? metricInput : evaluateInput;
        String expected = stage == Stage.METRIC ? metricOutput : evaluation;
        Stats inProcessCall =
            time(inProcess, stage, input, expected, IN_PROCESS_WARMUP, IN_PROCESS_CALLS);
        Stats plain = time(shell, stage, input, expected, SHELL_WARMUP, SHELL_CALLS);
        Stats quick = time(quickShell, stage, input, expected, SHELL_WARMUP, SHELL_CALLS);
        Stats workerCall = time(worker, stage, input, expected, WORKER_WARMUP, WORKER_CALLS);
        String name = stage.configKey();
        out.println(name + ", java method (in-process):      " + inProcessCall.describe());
        out.println(name + ", shell method, default flags:   " + plain.describe());
        out.println(name + ", shell method, quick-start flags: " + quick.describe());
        out.println(name + ", worker method (one JVM):      " + workerCall.describe());
        out.printf(
            "%s: shell over in-process, ratio of medians %.0f (default flags), %.0f (quick-start)%n",
            name, plain.median() / inProcessCall.median(), quick.median() / inProcessCall.median());
        out.printf(
            "%s: worker over in-process %.1f; shell (default flags) over worker %.0f%n",
            name,
            workerCall.median() / inProcessCall.median(),
            plain.median() / workerCall.median());
      }
    } finally {
      io.shutdownNow();
    }
  }

  private static Stats time(
      ConfiguredUserLogic logic,
      Stage stage,
      String input,
      String expected,
      int warmup,
      int calls) {
    List<Long> timings = new ArrayList<>();
    for (int i = 0; i < warmup + calls; i++) {
      long started = System.nanoTime();
      String output = logic.call(stage, input);
      long spent = System.nanoTime() - started;
      if (!output.equals(expected)) {
        throw new IllegalStateException(
            stage.configKey() + " answered " + output + ", expected " + expected);
      }
      if (i >= warmup) {
        timings.add(spent);
      }
    }
    return Stats.ofNanos(timings);
  }

  private static ConfiguredUserLogic logic(String metric, String evaluate, ExecutorService io)
      throws Exception {
    String yaml =
        "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
            + "metric: "
            + metric
            + "\nevaluate: "
            + evaluate
            + "\n";
    return ConfiguredUserLogic.from(
        ConfigLoader.load(yaml, "the hpa-method benchmark", Map.of()).config(),
        ProcessSessions.forThisMachine(),
        io,
        new HttpClients(),
        (stage, type, duration, succeeded) -> {},
        (stage, reason) -> {},
        Clock.systemUTC());
  }

  /** The same class as a worker: one JVM, started once, through InProcessWorker. */
  private static String worker(String java, Path jar, String stage) {
    return "{type: worker, timeout: 10000, worker: {entrypoint: "
        + java
        + ", command: [-cp, "
        + jar
        + ", com.custompodautoscaler.api.spi.InProcessWorker, "
        + CLASS_NAME
        + ", "
        + stage
        + "]}}";
  }

  private static String shell(String java, String flags, Path jar, String stage) {
    return "{type: shell, timeout: 30000, shell: {entrypoint: "
        + java
        + ", command: ["
        + flags
        + "-jar, "
        + jar
        + ", "
        + stage
        + "]}}";
  }

  /** A metric-stage input with a CPU Utilization metric of 10 pods at 80% of their request. */
  private static String metricInput() {
    StringBuilder samples = new StringBuilder();
    StringBuilder requests = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      String separator = i == 0 ? "" : ",";
      samples
          .append(separator)
          .append("\"web-")
          .append(i)
          .append(
              "\":{\"Timestamp\":\"2026-01-01T11:59:30Z\",\"Window\":30000000000,\"Value\":400}");
      requests.append(separator).append("\"web-").append(i).append("\":500");
    }
    return "{\"resource\":{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}},"
        + "\"runType\":\"scaler\",\"kubernetesMetrics\":[{\"current_replicas\":10,"
        + "\"status_replicas\":10,\"spec\":{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
        + "\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}},\"resource\":{"
        + "\"pod_metrics_info\":{"
        + samples
        + "},\"requests\":{"
        + requests
        + "},\"ready_pod_count\":10,\"ignored_pods\":{},\"missing_pods\":{},\"total_pods\":10,"
        + "\"timestamp\":\"2026-01-01T11:59:30Z\"}}]}";
  }

  private static String evaluateInput(String metricOutput) {
    return "{\"metrics\":[{\"resource\":\"web\",\"value\":"
        + quoted(metricOutput)
        + "}],\"resource\":{\"kind\":\"Deployment\"},\"runType\":\"scaler\"}";
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
