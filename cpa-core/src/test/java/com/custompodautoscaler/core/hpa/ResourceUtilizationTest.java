package com.custompodautoscaler.core.hpa;

import static com.custompodautoscaler.core.hpa.TestPods.pods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resource metrics with an averageUtilization target; requests are 1000m unless a case says. */
class ResourceUtilizationTest {

  private static final int MAX = Integer.MAX_VALUE;

  record Case(
      String name,
      Tolerance tolerance,
      TestPods pods,
      int targetUtilization,
      int currentReplicas,
      int expectedReplicas,
      int expectedUtilization,
      long expectedRawAverage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    Tolerance loose = Tolerance.DEFAULT;
    return Stream.of(
        // 1500*100/3000 = 50 %, 50/30 = 1.67, ceil(1.67 * 3) = 5
        new Case(
            "scale up",
            loose,
            pods().measured("a", 300).measured("b", 500).measured("c", 700),
            30,
            3,
            5,
            50,
            500),
        // 1400*100/5000 = 28 %, 28/50 = 0.56, ceil(0.56 * 5) = ceil(2.8) = 3
        new Case(
            "scale down",
            loose,
            pods()
                .measured("a", 100)
                .measured("b", 300)
                .measured("c", 500)
                .measured("d", 250)
                .measured("e", 250),
            50,
            5,
            3,
            28,
            280),
        // 3060*100/3000 = 102 %, ratio 1.02
        new Case(
            "small change with unequal requests stays within tolerance",
            loose,
            pods().measured("a", 1010, 900).measured("b", 1030, 1000).measured("c", 1020, 1100),
            100,
            3,
            3,
            102,
            1020),
        new Case(
            "ratio exactly 1 + tolerance keeps the count",
            loose,
            pods().measuredEach(2, 1100),
            100,
            2,
            2,
            110,
            1100),
        // ratio 1.11, ceil(1.11 * 2) = 3
        new Case(
            "ratio just above 1 + tolerance scales up",
            loose,
            pods().measuredEach(2, 1110),
            100,
            2,
            3,
            111,
            1110),
        new Case(
            "ratio exactly 1 - tolerance keeps the count",
            loose,
            pods().measuredEach(10, 900),
            100,
            10,
            10,
            90,
            900),
        // ratio 0.89, ceil(0.89 * 10) = 9
        new Case(
            "ratio just below 1 - tolerance scales down",
            loose,
            pods().measuredEach(10, 890),
            100,
            10,
            9,
            89,
            890),
        new Case(
            "a scale-up tolerance of 0.5 keeps a ratio of 1.4",
            new Tolerance(0.5, 0.05),
            pods().measuredEach(2, 1400),
            100,
            2,
            2,
            140,
            1400),
        // ratio 0.9 is below 1 - 0.05: ceil(0.9 * 10) = 9
        new Case(
            "a scale-down tolerance of 0.05 scales down at 0.9",
            new Tolerance(0.5, 0.05),
            pods().measuredEach(10, 900),
            100,
            10,
            9,
            90,
            900),
        // ready only: 1200/2000 = 60 %, ratio 2; a at 0: 1200/3000 = 40 %, ratio 1.33, ceil(4) = 4
        new Case(
            "unready pods count as using nothing on a scale up",
            loose,
            pods().unready("a").measured("b", 500).measured("c", 700),
            30,
            3,
            4,
            60,
            600),
        // 400 of 1000 = 40 %, ratio 1.33; with b, c at 0: 400/3000 = 13 %, ratio 0.43 flips
        new Case(
            "unready pods that turn a scale up into a scale down keep the count",
            loose,
            pods().measured("a", 400).unready("b").unready("c"),
            30,
            3,
            3,
            40,
            400),
        // 900/3000 = 30 %, ratio 0.6, unready ignored: ceil(0.6 * 3) = 2
        new Case(
            "unready pods are ignored on a scale down",
            loose,
            pods()
                .measured("a", 100)
                .measured("b", 300)
                .measured("c", 500)
                .unready("d")
                .unready("e"),
            50,
            5,
            2,
            30,
            300),
        // 495/2000 = 24 %, raw 247; c, d at 100 % of 1000: 2495/4000 = 62 %, ceil(0.62 * 4) = 3
        new Case(
            "missing pods count as using their full request on a scale down",
            loose,
            pods().measured("a", 400).measured("b", 95).missing("c").missing("d"),
            100,
            4,
            3,
            24,
            247),
        // 600/2000 = 30 %, ratio 0.15; c, d at 200 % = 2000: 4600/4000 = 115 %, 0.575, ceil(2.3) =
        // 3
        new Case(
            "missing pods count at a target above 100 % on a scale down",
            loose,
            pods().measured("a", 400).measured("b", 200).missing("c").missing("d"),
            200,
            4,
            3,
            30,
            300),
        // 4000/2000 = 200 %, ratio 4; a at 0: 4000/3000 = 133 %, ratio 2.66, ceil(7.98) = 8
        new Case(
            "missing pods count as using nothing on a scale up",
            loose,
            pods().missing("a").measured("b", 2000).measured("c", 2000),
            50,
            3,
            8,
            200,
            2000),
        // 150 %, ratio 1.5; b, c at 0: 1500/3000 = 50 %, ratio 0.5 flips
        new Case(
            "missing pods that turn a scale up into a scale down keep the count",
            loose,
            pods().measured("a", 1500).missing("b").missing("c"),
            100,
            3,
            3,
            150,
            1500),
        // 20 %, ratio 0.4; b at 100 %: 1200/2000 = 60 %, ratio 1.2 flips
        new Case(
            "missing pods that turn a scale down into a scale up keep the count",
            loose,
            pods().measured("a", 200).missing("b"),
            50,
            2,
            2,
            20,
            200),
        // 190 %, ratio 1.9; b at 0: 95 %, ratio 0.95 within tolerance
        new Case(
            "missing pods that bring the ratio within tolerance keep the count",
            loose,
            pods().measured("a", 1900).missing("b"),
            100,
            2,
            2,
            190,
            1900),
        new Case(
            "missing pods at a ratio of exactly 1 are not filled in",
            loose,
            pods().measured("a", 1000).missing("b"),
            100,
            2,
            2,
            100,
            1000),
        // 10 %, ratio 0.2; c at 100 %: 1200/3000 = 40 %, ratio 0.8, ceil(2.4) = 3 > 2 current
        new Case(
            "a surge pod that would raise the count on a scale down keeps the count",
            loose,
            pods().measured("a", 100).measured("b", 100).missing("c"),
            50,
            2,
            2,
            10,
            100),
        // 200 %, ratio 4; a and c at 0: 2000/3000 = 66 %, ratio 1.32, ceil(3.96) = 4
        new Case(
            "missing and unready pods on a scale up",
            loose,
            pods().unready("a").measured("b", 2000).missing("c"),
            50,
            3,
            4,
            200,
            2000),
        // 10 %, ratio 0.2; d at 100 %, a ignored: 1200/3000 = 40 %, ratio 0.8, ceil(2.4) = 3
        new Case(
            "missing and unready pods on a scale down",
            loose,
            pods().unready("a").measured("b", 100).measured("c", 100).missing("d"),
            50,
            4,
            3,
            10,
            100),
        // x and y have no request: 23500*100/4000 = 587 %, raw 5875, ceil(5.87 * 4) = 24
        new Case(
            "samples of unlisted pods do not enter the utilization",
            loose,
            pods()
                .measured("a", 4000)
                .measured("b", 9500)
                .measured("c", 3000)
                .measured("d", 7000)
                .unlisted("x", 3200)
                .unlisted("y", 2000),
            100,
            4,
            24,
            587,
            5875),
        // 8e18 of 2m is far beyond int32 percent; ratio * 2 is beyond int32 replicas
        new Case(
            "utilization and replicas are capped at the int32 maximum",
            loose,
            pods()
                .measured("a", 4_000_000_000_000_000_000L, 1)
                .measured("b", 4_000_000_000_000_000_000L, 1),
            1,
            2,
            MAX,
            MAX,
            4_000_000_000_000_000_000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void proposesReplicasForUtilization(Case c) {
    UtilizationProposal proposal =
        new ReplicaCalculator(c.tolerance())
            .resourceUtilization(
                c.pods().metrics(),
                c.pods().requests(),
                c.targetUtilization(),
                c.currentReplicas());

    assertThat(proposal)
        .isEqualTo(
            new UtilizationProposal(
                c.expectedReplicas(), c.expectedUtilization(), c.expectedRawAverage()));
  }

  @Test
  void noValuesForReadyPodsIsAnError() {
    PodMetrics allUnready = pods().unready("a").unready("b").metrics();

    assertThatThrownBy(() -> calculate(allUnready, Map.of("a", 1000L, "b", 1000L)))
        .isInstanceOf(ReplicaCalculationException.class)
        .hasMessage("did not receive metrics for targeted pods (pods might be unready)");
  }

  @Test
  void valuesWithoutAnyRequestAreAnError() {
    PodMetrics onlyUnlisted = pods().unlisted("x", 100).metrics();

    assertThatThrownBy(() -> calculate(onlyUnlisted, Map.of("a", 1000L)))
        .isInstanceOf(ReplicaCalculationException.class)
        .hasMessage("no metrics returned matched known pods");
  }

  @Test
  void aMissingPodWithoutARequestIsAnErrorOnAScaleDown() {
    TestPods pods = pods().measured("a", 100).missingWithoutRequest("b");

    assertThatThrownBy(() -> calculate(pods.metrics(), pods.requests()))
        .isInstanceOf(ReplicaCalculationException.class)
        .hasMessage("missing request for pod b");
  }

  private static UtilizationProposal calculate(PodMetrics metrics, Map<String, Long> requests) {
    return new ReplicaCalculator(Tolerance.DEFAULT).resourceUtilization(metrics, requests, 50, 2);
  }
}
