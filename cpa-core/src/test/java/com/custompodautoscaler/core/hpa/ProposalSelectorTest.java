package com.custompodautoscaler.core.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProposalSelectorTest {

  private final ProposalSelector selector = new ProposalSelector();

  record Case(
      String name,
      List<MetricOutcome> outcomes,
      int specReplicas,
      int expectedReplicas,
      String expectedMetric,
      List<String> expectedFailedMetrics) {
    @Override
    public String toString() {
      return name;
    }
  }

  record RefusalCase(
      String name, List<MetricOutcome> outcomes, int specReplicas, String expectedMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "the highest proposal wins",
            List.of(proposal("cpu", 3), proposal("qps", 5), proposal("queue", 4)),
            4,
            5,
            "qps",
            List.of()),
        new Case(
            "a scale down goes ahead when every metric is valid",
            List.of(proposal("cpu", 2), proposal("qps", 1)),
            4,
            2,
            "cpu",
            List.of()),
        new Case(
            "a failure does not stop a scale up and is still reported",
            List.of(failure("cpu", "no metrics"), proposal("qps", 6)),
            4,
            6,
            "qps",
            List.of("cpu")),
        new Case(
            "a failure does not stop keeping the spec replicas",
            List.of(proposal("cpu", 4), failure("qps", "timeout")),
            4,
            4,
            "cpu",
            List.of("qps")),
        new Case(
            "on a tie the first metric wins",
            List.of(proposal("cpu", 5), proposal("qps", 5)),
            3,
            5,
            "cpu",
            List.of()),
        new Case(
            "a proposal of zero is a valid proposal",
            List.of(proposal("queue", 0)),
            2,
            0,
            "queue",
            List.of()));
  }

  static Stream<RefusalCase> refusals() {
    return Stream.of(
        new RefusalCase(
            "a failure blocks a scale down",
            List.of(proposal("cpu", 2), failure("qps", "unable to get metric qps")),
            4,
            "invalid metrics (1 invalid out of 2), first error is: qps: unable to get metric qps"),
        new RefusalCase(
            "all metrics failing names the first failure",
            List.of(failure("cpu", "no pods"), failure("qps", "timeout")),
            3,
            "invalid metrics (2 invalid out of 2), first error is: cpu: no pods"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void selectsTheHighestProposal(Case c) {
    SelectedProposal selected = selector.select(c.outcomes(), c.specReplicas());

    assertThat(selected.replicas()).isEqualTo(c.expectedReplicas());
    assertThat(selected.metric()).isEqualTo(c.expectedMetric());
    assertThat(selected.failures())
        .extracting(MetricOutcome.Failure::metric)
        .isEqualTo(c.expectedFailedMetrics());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWhenFailedMetricsMakeTheResultUnsafe(RefusalCase c) {
    assertThatThrownBy(() -> selector.select(c.outcomes(), c.specReplicas()))
        .isInstanceOf(InvalidMetricsException.class)
        .hasMessage(c.expectedMessage())
        .hasCauseInstanceOf(ReplicaCalculationException.class);
  }

  @Test
  void noMetricsAtAllIsAProgrammingError() {
    assertThatThrownBy(() -> selector.select(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static MetricOutcome proposal(String metric, int replicas) {
    return new MetricOutcome.Proposal(metric, replicas);
  }

  private static MetricOutcome failure(String metric, String error) {
    return new MetricOutcome.Failure(metric, new ReplicaCalculationException(error));
  }
}
