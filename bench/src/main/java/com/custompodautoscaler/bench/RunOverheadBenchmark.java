package com.custompodautoscaler.bench;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost of a run without the user's logic: a per-resource run against the local real API server
 * (read the target, read its scale, build the documents, decide, patch when the count changes),
 * with metric and evaluate answered in-process at no cost.
 */
final class RunOverheadBenchmark implements Bench {

  private static final int WARMUP = 300;
  private static final int RUNS = 1000;

  @Override
  public String name() {
    return "run-overhead";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    BenchTargets.createDeployment(context.plane().client(), "bench-overhead", "web", 2);
    AutoscalerConfig config =
        BenchTargets.config(
            "bench-overhead",
            "web",
            "runMode: per-resource\n"
                + "metric: {type: shell, shell: {entrypoint: unused}}\n"
                + "evaluate: {type: shell, shell: {entrypoint: unused}}\n");
    InstantLogic logic = new InstantLogic();
    try (BenchAutoscaler running = new BenchAutoscaler(context, config, logic)) {
      Autoscaler autoscaler = running.autoscaler();
      logic.replicas = 2;
      measure(autoscaler, logic, WARMUP, false);
      Stats unchanged = measure(autoscaler, logic, RUNS, false);
      Stats scaling = measure(autoscaler, logic, RUNS, true);
      out.println("runs that keep the replicas (GET target, GET scale): " + unchanged.describe());
      out.println("runs that change them (and PATCH the scale):        " + scaling.describe());
    }
  }

  private static Stats measure(
      Autoscaler autoscaler, InstantLogic logic, int runs, boolean alternate)
      throws InterruptedException {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      if (alternate) {
        logic.replicas = logic.replicas == 2 ? 3 : 2;
      }
      long started = System.nanoTime();
      RunReport report = autoscaler.run(RunType.SCALER, RunGoal.SCALE);
      nanos.add(System.nanoTime() - started);
      if (!report.succeeded() || report.scaled() != alternate) {
        throw new IllegalStateException("unexpected run: " + report.failure());
      }
    }
    return Stats.ofNanos(nanos);
  }

  /** User logic that costs nothing: metric "1", evaluation {@code replicas}. */
  private static final class InstantLogic implements UserLogic {
    private volatile int replicas;

    @Override
    public boolean defines(Stage stage) {
      return stage == Stage.METRIC || stage == Stage.EVALUATE;
    }

    @Override
    public String call(Stage stage, String document) {
      return stage == Stage.METRIC ? "1" : "{\"targetReplicas\":" + replicas + "}";
    }
  }
}
