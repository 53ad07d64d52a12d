package com.custompodautoscaler.operator;

import com.custompodautoscaler.operator.reconciler.ReconcileObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The operator's Prometheus metrics: reconciliations by outcome. */
final class OperatorMetrics implements ReconcileObserver {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter ready = reconciles("ready");
  private final Counter notReady = reconciles("not_ready");
  private final Counter failed = reconciles("failed");

  private Counter reconciles(String outcome) {
    return Counter.builder("cpa.operator.reconciles")
        .description("Reconciliations of CustomPodAutoscalers, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void reconciled(boolean isReady) {
    (isReady ? ready : notReady).increment();
  }

  @Override
  public void failed() {
    failed.increment();
  }

  String scrape() {
    return registry.scrape();
  }
}
