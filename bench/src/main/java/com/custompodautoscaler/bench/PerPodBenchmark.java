package com.custompodautoscaler.bench;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.method.ConfiguredUserLogic;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Per-pod mode over 100 pods whose metric command is {@code sleep 0.05}: the metric stage's time at
 * several {@code perPodConcurrency} values, against the local real API server.
 */
final class PerPodBenchmark implements Bench {

  private static final String NAMESPACE = "bench-per-pod";
  static final int PODS = 100;
  private static final int REPEATS = 5;
  private static final int[] CONCURRENCIES = {1, 8, 16, 32};

  @Override
  public String name() {
    return "per-pod";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    createTargets(context, NAMESPACE);
    double sequential = 0;
    for (int concurrency : CONCURRENCIES) {
      Stats stats =
          metricStage(
              context,
              NAMESPACE,
              concurrency,
              "{type: shell, timeout: 5000, shell: {entrypoint: sleep, command: ['0.05']}}");
      if (concurrency == 1) {
        sequential = stats.median();
      }
      out.printf(
          "perPodConcurrency %2d: metric stage %s; speed-up over 1: %.2f%n",
          concurrency, stats.describe(), sequential / stats.median());
    }
  }

  /** A Deployment of {@value #PODS} pods, {@code workers}, in {@code namespace}. */
  static void createTargets(BenchContext context, String namespace) {
    KubernetesClient admin = context.plane().client();
    BenchTargets.createDeployment(admin, namespace, "workers", PODS);
    BenchTargets.createPods(admin, namespace, "workers", PODS);
  }

  /**
   * The metric stage's time over the pods of {@code namespace}, whose metric is {@code metric}, at
   * {@code concurrency}: one untimed run, then {@value #REPEATS} timed.
   */
  static Stats metricStage(BenchContext context, String namespace, int concurrency, String metric)
      throws Exception {
    AutoscalerConfig config =
        BenchTargets.config(
            namespace,
            "workers",
            "runMode: per-pod\n"
                + "perPodConcurrency: "
                + concurrency
                + "\n"
                + "metric: "
                + metric
                + "\n"
                + "evaluate: {type: shell, shell: {entrypoint: unused}}\n");
    ExecutorService io = Executors.newCachedThreadPool();
    try (BenchAutoscaler running =
        new BenchAutoscaler(
            context,
            config,
            ConfiguredUserLogic.from(
                config,
                ProcessSessions.forThisMachine(),
                io,
                new HttpClients(),
                (s, m, d, ok) -> {},
                (stage, reason) -> {},
                Clock.systemUTC()))) {
      Autoscaler autoscaler = running.autoscaler();
      metricsOnce(autoscaler);
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < REPEATS; i++) {
        nanos.add(metricsOnce(autoscaler).stageDurations().get("metrics").toNanos());
      }
      return Stats.ofNanos(nanos);
    } finally {
      io.shutdownNow();
    }
  }

  private static RunReport metricsOnce(Autoscaler autoscaler) throws InterruptedException {
    RunReport report = autoscaler.run(RunType.API_DRY_RUN, RunGoal.METRICS);
    if (!report.succeeded() || report.metrics().orElseThrow().list().size() != PODS) {
      throw new IllegalStateException(
          "the metric stage did not cover every pod: " + report.failure());
    }
    return report;
  }
}
