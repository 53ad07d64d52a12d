package com.custompodautoscaler.core.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Object and External metrics, with value and averageValue targets (milli-units). */
class ObjectMetricTest {

  private static final int MAX = Integer.MAX_VALUE;
  private final ReplicaCalculator calculator = new ReplicaCalculator(Tolerance.DEFAULT);

  record ValueCase(
      String name,
      long value,
      long targetValue,
      int readyPods,
      int currentReplicas,
      int expectedReplicas) {
    @Override
    public String toString() {
      return name;
    }
  }

  record AverageValueCase(
      String name,
      long value,
      long targetAverageValue,
      int statusReplicas,
      int expectedReplicas,
      long expectedPerReplica) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ValueCase> valueCases() {
    return Stream.of(
        // ratio 20000/15000 = 1.33, ceil(1.33 * 3) = 4
        new ValueCase("object value scale up", 20000, 15000, 3, 3, 4),
        // ratio 0.6, ceil(0.6 * 5) = 3
        new ValueCase("object value scale down", 12000, 20000, 5, 5, 3),
        // ratio 1.03
        new ValueCase("object value within tolerance", 20666, 20000, 3, 3, 3),
        // ratio 5 scales the one ready pod: 5, not ceil(5 * 3) = 15
        new ValueCase("object value scales the ready pods only", 50000, 10000, 1, 3, 5),
        // ratio 8600/4400 = 1.95, ceil(1.95 * 1) = 2
        new ValueCase("external value scale up", 8600, 4400, 1, 1, 2),
        // ratio 8600/14334 = 0.59997, ceil(2.9998) = 3
        new ValueCase("external value scale down", 8600, 14334, 5, 5, 3),
        // ratio 1.33 at zero replicas: ceil(1.33) = 2
        new ValueCase("scale from zero to ceil of the ratio", 20000, 15000, 0, 0, 2),
        // ratio 1.05 would be within tolerance, ceil(1.05) = 2
        new ValueCase("scale from zero ignores the tolerance", 10500, 10000, 0, 0, 2),
        new ValueCase("nothing to do at zero stays at zero", 0, 10000, 0, 0, 0),
        new ValueCase("external value capped at int32", Long.MAX_VALUE, 1, 3, 3, MAX),
        new ValueCase("scale from zero capped at int32", Long.MAX_VALUE, 1, 0, 0, MAX));
  }

  static Stream<AverageValueCase> averageValueCases() {
    return Stream.of(
        // ratio 20000/(5000 * 3) = 1.33, ceil(20000/5000) = 4, per replica ceil(6666.7)
        new AverageValueCase("object average value scale up", 20000, 5000, 3, 4, 6667),
        // ratio 6000/(2000 * 5) = 0.6, ceil(3) = 3, per replica 1200
        new AverageValueCase("object average value scale down", 6000, 2000, 5, 3, 1200),
        // ratio 20166/20000 = 1.008, per replica ceil(5041.5)
        new AverageValueCase("object average value within tolerance", 20166, 5000, 4, 4, 5042),
        // ratio 8600/6450 = 1.33, ceil(8600/2150) = 4, per replica ceil(2866.7)
        new AverageValueCase("external average value scale up", 8600, 2150, 3, 4, 2867),
        // ratio 8600/14335 = 0.6, ceil(2.9997) = 3, per replica 1720
        new AverageValueCase("external average value scale down", 8600, 2867, 5, 3, 1720),
        // ratio 10000/(1000 * 9) = 1.11 against the 9 pods that exist
        new AverageValueCase(
            "average value is measured against the status replicas", 10000, 1000, 9, 10, 1112),
        new AverageValueCase("average value from no running replicas", 3000, 1000, 0, 3, 3000),
        new AverageValueCase(
            "average value capped at int32", Long.MAX_VALUE, 1, 1, MAX, Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void proposesReplicasForAValue(ValueCase c) {
    ReplicaProposal proposal =
        calculator.objectValue(c.value(), c.targetValue(), c.readyPods(), c.currentReplicas());

    assertThat(proposal).isEqualTo(new ReplicaProposal(c.expectedReplicas(), c.value()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("averageValueCases")
  void proposesReplicasForAnAverageValue(AverageValueCase c) {
    ReplicaProposal proposal =
        calculator.objectAverageValue(c.value(), c.targetAverageValue(), c.statusReplicas());

    assertThat(proposal)
        .isEqualTo(new ReplicaProposal(c.expectedReplicas(), c.expectedPerReplica()));
  }
}
