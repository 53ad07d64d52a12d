package com.custompodautoscaler.bench;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.method.ConfiguredUserLogic;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker method's cost per call against the shell method and a bare spawn, for the same Python
 * echo and the same document: the worker answers from a process started once; the shell method and
 * the bare spawn start Python for every call. The variants take turns in blocks of 50 calls with a
 * pause between blocks, as in the shell-overhead benchmark.
 */
final class WorkerOverheadBenchmark implements Bench {

  private static final int WARMUP = 100;
  private static final int CALLS = 500;

  @Override
  public String name() {
    return "worker-overhead";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    String python = BenchProcesses.python();
    String document = BenchProcesses.metricDocument();
    ExecutorService io = Executors.newCachedThreadPool();
    try (ConfiguredUserLogic worker = logic(workerMethod(python), io);
        ConfiguredUserLogic shell = logic(shellMethod(python), io)) {
      List<Stats> stats =
          BenchProcesses.inTurns(
              document,
              WARMUP,
              CALLS,
              List.of(
                  () -> BenchProcesses.bareSpawn(List.of(python, "-c", ECHO), document),
                  () -> shell.call(Stage.METRIC, document),
                  () -> worker.call(Stage.METRIC, document)));
      out.println("python echo, bare spawn:    " + stats.get(0).describe());
      out.println("python echo, shell method:  " + stats.get(1).describe());
      out.println("python echo, worker method: " + stats.get(2).describe());
      out.printf(
          "worker median %.3f ms (goal under 0.5 ms); shell method / worker %.1f (goal at least"
              + " 25); bare spawn / worker %.1f%n",
          stats.get(2).median(),
          stats.get(1).median() / stats.get(2).median(),
          stats.get(0).median() / stats.get(2).median());
    } finally {
      io.shutdownNow();
    }
  }

  /** Echoes stdin to stdout, the whole of it, once. */
  private static final String ECHO = "import sys; sys.stdout.write(sys.stdin.read())";

  /** Echoes every line it reads as its answer line. */
  private static final String LINE_ECHO =
      "import sys\\nfor line in sys.stdin:\\n    sys.stdout.write(line)\\n    sys.stdout.flush()";

  private static String workerMethod(String python) {
    return "{type: worker, timeout: 10000, worker: {entrypoint: "
        + python
        + ", command: [-c, \""
        + LINE_ECHO
        + "\"]}}";
  }

  private static String shellMethod(String python) {
    return "{type: shell, timeout: 10000, shell: {entrypoint: "
        + python
        + ", command: [-c, \""
        + ECHO
        + "\"]}}";
  }

  private static ConfiguredUserLogic logic(String metric, ExecutorService io) throws Exception {
    String yaml =
        "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
            + "metric: "
            + metric
            + "\nevaluate: {type: shell, shell: {entrypoint: unused}}\n";
    return ConfiguredUserLogic.from(
        ConfigLoader.load(yaml, "the worker-overhead benchmark", Map.of()).config(),
        ProcessSessions.forThisMachine(),
        io,
        new HttpClients(),
        (stage, type, duration, succeeded) -> {},
        (stage, reason) -> {},
        Clock.systemUTC());
  }
}
