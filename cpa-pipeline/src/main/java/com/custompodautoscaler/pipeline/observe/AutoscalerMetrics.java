package com.custompodautoscaler.pipeline.observe;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.method.UserLogicObserver;
import com.custompodautoscaler.pipeline.method.WorkerObserver;
import com.custompodautoscaler.pipeline.run.RunObserver;
import com.custompodautoscaler.pipeline.run.RunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The autoscaler's Prometheus metrics: runs by type and outcome, run and stage durations,
 * user-logic call latency, current and desired replicas, and scale operations by direction.
 */
public final class AutoscalerMetrics implements RunObserver, UserLogicObserver, WorkerObserver {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger currentReplicas = new AtomicInteger(-1);
  private final AtomicInteger desiredReplicas = new AtomicInteger(-1);

  public AutoscalerMetrics() {
    Gauge.builder("cpa.current.replicas", currentReplicas, AtomicInteger::get)
        .description("Replicas of the target when the last run read its scale (-1 before that)")
        .register(registry);
    Gauge.builder("cpa.desired.replicas", desiredReplicas, AtomicInteger::get)
        .description("Replicas the last scaling decision asked for (-1 before that)")
        .register(registry);
    scaleOperations("up");
    scaleOperations("down");
  }

  @Override
  public void finished(RunReport report) {
    String type = report.type().wireName();
    Counter.builder("cpa.runs")
        .description("Runs by run type and outcome")
        .tag("run_type", type)
        .tag("outcome", report.succeeded() ? "success" : "failure")
        .register(registry)
        .increment();
    Timer.builder("cpa.run.duration")
        .description("Duration of whole runs")
        .tag("run_type", type)
        .register(registry)
        .record(report.duration());
    report
        .stageDurations()
        .forEach(
            (stage, spent) ->
                Timer.builder("cpa.stage.duration")
                    .description("Duration of each stage of a run")
                    .tag("stage", stage)
                    .register(registry)
                    .record(spent));
    report.currentReplicas().ifPresent(currentReplicas::set);
    report.decision().ifPresent(decision -> desiredReplicas.set(decision.targetReplicas()));
    if (report.scaled()) {
      countScaleOperation(report);
    }
  }

  private void countScaleOperation(RunReport report) {
    int from = report.currentReplicas().orElseThrow();
    int to = report.decision().orElseThrow().targetReplicas();
    scaleOperations(to > from ? "up" : "down").increment();
  }

  private Counter scaleOperations(String direction) {
    return Counter.builder("cpa.scale.operations")
        .description("Changes of the target's replicas, by direction")
        .tag("direction", direction)
        .register(registry);
  }

  @Override
  public void called(Stage stage, String methodType, Duration duration, boolean succeeded) {
    Timer.builder("cpa.user.logic.call.duration")
        .description("Latency of user-logic calls, by stage, method type and outcome")
        .tag("stage", stage.configKey())
        .tag("method", methodType)
        .tag("outcome", succeeded ? "success" : "failure")
        .register(registry)
        .record(duration);
  }

  @Override
  public void workerReplaced(String stage, String reason) {
    Counter.builder("cpa.worker.replacements")
        .description("Workers ended and replaced after a call failed, by stage and reason")
        .tag("stage", stage)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
