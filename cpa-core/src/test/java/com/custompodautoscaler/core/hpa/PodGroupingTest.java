package com.custompodautoscaler.core.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grouping with a CPU initialization period of 2 minutes and an initial readiness delay of 10
 * seconds; samples are taken now over a 30 second window unless a case says otherwise.
 */
class PodGroupingTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(30);
  private static final ReadinessRule CPU = ReadinessRule.CPU_STARTUP;
  private static final ReadinessRule OTHER = ReadinessRule.PHASE_ONLY;

  private final PodGrouping grouping =
      new PodGrouping(Duration.ofMinutes(2), Duration.ofSeconds(10));

  record Case(
      String name,
      ReadinessRule rule,
      List<PodState> pods,
      Map<String, PodMetricSample> samples,
      Set<String> expectedSamples,
      int expectedReady,
      Set<String> expectedUnready,
      Set<String> expectedMissing,
      Set<String> expectedDropped) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no pods", CPU, List.of(), Map.of(), Set.of(), 0, Set.of(), Set.of(), Set.of()),
        new Case(
            "a running pod ready long ago with a sample is ready",
            CPU,
            List.of(settled("a")),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        new Case(
            "a pod without a sample is missing",
            CPU,
            List.of(settled("a")),
            Map.of(),
            Set.of(),
            0,
            Set.of(),
            Set.of("a"),
            Set.of()),
        new Case(
            "a pending pod is unready and its sample removed",
            OTHER,
            List.of(unreported("a", PodPhase.PENDING)),
            Map.of("a", sample()),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        new Case(
            "a pending pod without a sample is unready, not missing",
            OTHER,
            List.of(unreported("a", PodPhase.PENDING)),
            Map.of(),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        new Case(
            "a failed pod is dropped with its sample",
            CPU,
            List.of(settled("a"), unreported("b", PodPhase.FAILED)),
            Map.of("a", sample(), "b", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of("b")),
        new Case(
            "a deleted pod is dropped with its sample",
            CPU,
            List.of(settled("a"), deleted("b")),
            Map.of("a", sample(), "b", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of("b")),
        new Case(
            "a deleted pod without a sample is dropped, not missing",
            OTHER,
            List.of(deleted("a")),
            Map.of(),
            Set.of(),
            0,
            Set.of(),
            Set.of(),
            Set.of("a")),
        new Case(
            "CPU: a pod without start time or Ready condition is unready",
            CPU,
            List.of(unreported("a", PodPhase.RUNNING)),
            Map.of("a", sample()),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        new Case(
            "CPU: a pod without a sample is missing even when its readiness is unreported",
            CPU,
            List.of(unreported("a", PodPhase.RUNNING)),
            Map.of(),
            Set.of(),
            0,
            Set.of(),
            Set.of("a"),
            Set.of()),
        new Case(
            "memory: a pod without start time or Ready condition is ready",
            ReadinessRule.forResource("memory"),
            List.of(unreported("a", PodPhase.RUNNING)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        new Case(
            "memory: a not-ready pod inside the initialization period is ready",
            ReadinessRule.forResource("memory"),
            List.of(started("a", 60, ConditionStatus.FALSE, 30)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        new Case(
            "a succeeded pod with a sample is ready",
            OTHER,
            List.of(unreported("a", PodPhase.SUCCEEDED)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        new Case(
            "CPU inside the initialization period: Ready False is unready",
            ReadinessRule.forResource("cpu"),
            List.of(started("a", 60, ConditionStatus.FALSE, 30)),
            Map.of("a", sample()),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        // ready 30 s ago, sampled now over 30 s: now >= transition + window
        new Case(
            "CPU inside the initialization period: a full window since ready is ready",
            CPU,
            List.of(started("a", 60, ConditionStatus.TRUE, 30)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        // ready 20 s ago, sampled now over 30 s: now < transition + window
        new Case(
            "CPU inside the initialization period: a sample from before the window is unready",
            CPU,
            List.of(started("a", 60, ConditionStatus.TRUE, 20)),
            Map.of("a", sample()),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        // ready 40 s ago, but the sample was taken 15 s ago: now - 15 s < now - 40 s + 30 s
        new Case(
            "CPU inside the initialization period: an old sample of a ready pod is unready",
            CPU,
            List.of(started("a", 60, ConditionStatus.TRUE, 40)),
            Map.of("a", new PodMetricSample(100, NOW.minusSeconds(15), WINDOW)),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        // started 600 s ago, not ready since 595 s ago: start + 10 s delay is after that
        new Case(
            "CPU after the initialization period: never ready since start is unready",
            CPU,
            List.of(started("a", 600, ConditionStatus.FALSE, 595)),
            Map.of("a", sample()),
            Set.of(),
            0,
            Set.of("a"),
            Set.of(),
            Set.of()),
        // not ready since 300 s ago, long after start + 10 s: it was ready once
        new Case(
            "CPU after the initialization period: not ready but ready once is ready",
            CPU,
            List.of(started("a", 600, ConditionStatus.FALSE, 300)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        new Case(
            "CPU after the initialization period: Ready Unknown is ready",
            CPU,
            List.of(started("a", 600, ConditionStatus.UNKNOWN, 595)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        // started exactly 2 minutes ago: the period is over, so a fresh transition does not matter
        new Case(
            "CPU: the initialization period ends exactly at start plus period",
            CPU,
            List.of(started("a", 120, ConditionStatus.TRUE, 10)),
            Map.of("a", sample()),
            Set.of("a"),
            1,
            Set.of(),
            Set.of(),
            Set.of()),
        new Case(
            "every group at once, and a sample of a pod nobody listed is kept",
            CPU,
            List.of(
                settled("a"),
                unreported("b", PodPhase.PENDING),
                settled("c"),
                unreported("d", PodPhase.FAILED),
                deleted("e")),
            Map.of("a", sample(), "b", sample(), "d", sample(), "e", sample(), "x", sample()),
            Set.of("a", "x"),
            1,
            Set.of("b"),
            Set.of("c"),
            Set.of("d", "e")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void groupsPods(Case c) {
    GroupedPods grouped = grouping.group(c.pods(), c.samples(), c.rule(), NOW);

    assertThat(grouped.samples().keySet()).isEqualTo(c.expectedSamples());
    assertThat(grouped.readyPodCount()).isEqualTo(c.expectedReady());
    assertThat(grouped.unreadyPods()).isEqualTo(c.expectedUnready());
    assertThat(grouped.missingPods()).isEqualTo(c.expectedMissing());
    assertThat(grouped.droppedPods()).isEqualTo(c.expectedDropped());
    assertThat(grouped.totalPods()).isEqualTo(c.pods().size());
  }

  @Test
  void groupsBecomeTheCalculatorsInput() {
    GroupedPods grouped =
        grouping.group(
            List.of(settled("a"), unreported("b", PodPhase.PENDING), settled("c")),
            Map.of("a", new PodMetricSample(250, NOW, WINDOW)),
            CPU,
            NOW);

    assertThat(grouped.podMetrics())
        .isEqualTo(new PodMetrics(Map.of("a", 250L), 1, Set.of("b"), Set.of("c")));
  }

  @Test
  void aValueForAnUnreadyPodIsRejected() {
    assertThatThrownBy(() -> new PodMetrics(Map.of("a", 1L), 0, Set.of("a"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pod a is listed as unready but still has a metric value");
  }

  /** A running pod that started 10 minutes ago and has been ready for 9. */
  private static PodState settled(String name) {
    return started(name, 600, ConditionStatus.TRUE, 540);
  }

  private static PodState started(
      String name, int startedSecondsAgo, ConditionStatus ready, int transitionSecondsAgo) {
    PodStartup startup =
        PodStartup.reported(
            NOW.minusSeconds(startedSecondsAgo),
            new ReadyCondition(ready, NOW.minusSeconds(transitionSecondsAgo)));
    return new PodState(name, PodPhase.RUNNING, false, startup);
  }

  private static PodState unreported(String name, PodPhase phase) {
    return new PodState(name, phase, false, PodStartup.unreported());
  }

  private static PodState deleted(String name) {
    return new PodState(name, PodPhase.RUNNING, true, PodStartup.unreported());
  }

  private static PodMetricSample sample() {
    return new PodMetricSample(100, NOW, WINDOW);
  }
}
