package com.custompodautoscaler.pipeline.observe;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.method.UserLogicObserver;
import com.custompodautoscaler.pipeline.method.WorkerObserver;
import com.custompodautoscaler.pipeline.run.RunObserver;
import com.custompodautoscaler.pipeline.run.RunReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The autoscaler's Prometheus metrics: runs by type and outcome, run and stage durations,
 * user-logic call latency, current and desired replicas, and scale operations by direction. An
 * autoscaler in a pod of its own has a registry of its own; a host's CPAs share the host's, each
 * CPA's metrics carrying its tags.
 */
public final class AutoscalerMetrics implements RunObserver, UserLogicObserver, WorkerObserver {

  private final PrometheusMeterRegistry registry;
  private final Tags cpa;
  private final AtomicInteger currentReplicas = new AtomicInteger(-1);
  private final AtomicInteger desiredReplicas = new AtomicInteger(-1);

  /** The metrics of an autoscaler with a registry of its own. */
  public AutoscalerMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Tags.empty());
  }

  /**
   * The metrics of one of the autoscalers that share {@code registry}, told apart by {@code cpa}.
   */
  public AutoscalerMetrics(PrometheusMeterRegistry registry, Tags cpa) {
    this.registry = registry;
    this.cpa = cpa;
    Gauge.builder("cpa.current.replicas", currentReplicas, AtomicInteger::get)
        .description("Replicas of the target when the last run read its scale (-1 before that)")
        .tags(cpa)
        .register(registry);
    Gauge.builder("cpa.desired.replicas", desiredReplicas, AtomicInteger::get)
        .description("Replicas the last scaling decision asked for (-1 before that)")
        .tags(cpa)
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
        .tags(cpa)
        .register(registry)
        .increment();
    Timer.builder("cpa.run.duration")
        .description("Duration of whole runs")
        .tag("run_type", type)
        .tags(cpa)
        .register(registry)
        .record(report.duration());
    report
        .stageDurations()
        .forEach(
            (stage, spent) ->
                Timer.builder("cpa.stage.duration")
                    .description("Duration of each stage of a run")
                    .tag("stage", stage)
                    .tags(cpa)
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
        .tags(cpa)
        .register(registry);
  }

  /** A run started {@code late} after its scheduled time. */
  public void runStarted(Duration late) {
    Timer.builder("cpa.run.lateness")
        .description("How long after its scheduled time a run started")
        .tags(cpa)
        .register(registry)
        .record(late);
  }

  @Override
  public void called(Stage stage, String methodType, Duration duration, boolean succeeded) {
    Timer.builder("cpa.user.logic.call.duration")
        .description("Latency of user-logic calls, by stage, method type and outcome")
        .tag("stage", stage.configKey())
        .tag("method", methodType)
        .tag("outcome", succeeded ? "success" : "failure")
        .tags(cpa)
        .register(registry)
        .record(duration);
  }

  @Override
  public void workerReplaced(String stage, String reason) {
    Counter.builder("cpa.worker.replacements")
        .description("Workers ended and replaced after a call failed, by stage and reason")
        .tag("stage", stage)
        .tag("reason", reason)
        .tags(cpa)
        .register(registry)
        .increment();
  }

  /** Removes this autoscaler's metrics from the registry, as when a host stops running it. */
  public void remove() {
    List.copyOf(registry.getMeters()).stream()
        .filter(meter -> meter.getId().getTags().containsAll(cpa.stream().toList()))
        .forEach(registry::remove);
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
