package com.custompodautoscaler.pipeline.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Autoscalers that share one registry, as a host's CPAs do. */
class AutoscalerMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void eachAutoscalersMetricsCarryItsTagsAndGoWithIt() {
    AutoscalerMetrics web =
        new AutoscalerMetrics(registry, Tags.of("namespace", "shop", "cpa", "web"));
    new AutoscalerMetrics(registry, Tags.of("namespace", "shop", "cpa", "queue"));

    assertThat(registry.scrape())
        .contains("cpa_current_replicas{cpa=\"web\",namespace=\"shop\"}")
        .contains("cpa_current_replicas{cpa=\"queue\",namespace=\"shop\"}");

    web.remove();

    assertThat(registry.scrape())
        .doesNotContain("cpa=\"web\"")
        .contains("cpa_current_replicas{cpa=\"queue\",namespace=\"shop\"}");
  }
}
