package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunSummaryTest {

  @Test
  void readsASuccessfulRunFromTheAutoscalersLogLine() {
    RunSummary run =
        RunSummary.parse(
                "2026-11-28T01:55:42.690Z INFO  RunLog run type=scaler target=Deployment/ns/web"
                    + " current=1 evaluated=8 decided=5 reason=lowered_to_max scaled=true duration_ms=407")
            .orElseThrow();

    assertThat(run.succeeded()).isTrue();
    assertThat(run.scaled()).isTrue();
    assertThat(run.field("current")).contains("1");
    assertThat(run.field("decided")).contains("5");
    assertThat(run.field("reason")).contains("lowered_to_max");
  }

  @Test
  void readsAFailedRunWithItsQuotedError() {
    RunSummary run =
        RunSummary.parse(
                "2026-11-28T01:55:42.690Z ERROR RunLog run failed type=scaler target=Deployment/ns/web"
                    + " current=2 duration_ms=12 error=\"failed to get metrics: exit status 1; stderr: no \\\"x\\\"\"")
            .orElseThrow();

    assertThat(run.succeeded()).isFalse();
    assertThat(run.error()).startsWith("failed to get metrics: exit status 1; stderr: no ");
    assertThat(run.scaled()).isFalse();
  }

  @Test
  void ignoresOtherLines() {
    assertThat(RunSummary.parse("2026-11-28T01:55:41.276Z INFO  RestApi REST API listening on x"))
        .isEmpty();
  }
}
