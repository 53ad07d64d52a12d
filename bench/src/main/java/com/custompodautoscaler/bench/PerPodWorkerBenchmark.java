package com.custompodautoscaler.bench;

import java.io.PrintStream;

/**
 * Per-pod mode over 100 pods with a Python metric that answers at once: the metric stage's time
 * with the shell method at the default concurrency (8 Python starts at a time) against the worker
 * method with 8 processes started once, on the local API server.
 */
final class PerPodWorkerBenchmark implements Bench {

  private static final String NAMESPACE = "bench-per-pod-worker";
  private static final int CONCURRENCY = 8;

  @Override
  public String name() {
    return "per-pod-worker";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    PerPodBenchmark.createTargets(context, NAMESPACE);
    String python = BenchProcesses.python();
    Stats shell =
        PerPodBenchmark.metricStage(
            context,
            NAMESPACE,
            CONCURRENCY,
            "{type: shell, timeout: 10000, shell: {entrypoint: "
                + python
                + ", command: [-c, 'import sys; sys.stdin.read(); sys.stdout.write(str(1))']}}");
    Stats worker =
        PerPodBenchmark.metricStage(
            context,
            NAMESPACE,
            CONCURRENCY,
            "{type: worker, timeout: 10000, worker: {entrypoint: "
                + python
                + ", processes: "
                + CONCURRENCY
                + ", command: [-c, \"import sys\\nfor line in sys.stdin:\\n    print(1, flush=True)\"]}}");
    out.println("100 pods, shell method at concurrency 8: " + shell.describe());
    out.println("100 pods, worker method, 8 processes:   " + worker.describe());
    out.printf(
        "per-pod metric stage, shell / worker: %.1f (goal at least 10)%n",
        shell.median() / worker.median());
  }
}
