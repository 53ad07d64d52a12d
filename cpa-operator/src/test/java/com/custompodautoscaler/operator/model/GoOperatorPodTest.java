package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoOperatorPodTest {

  private static final String UID = "6d1c4b0e-8f0a-4d52-9a57-2b1f1c3e4d5f";

  static Stream<Arguments> pods() {
    return Stream.of(
        Arguments.of(
            "the Go operator's pod: the CPA is its controller", pod(cpaOwner(UID, true)), true),
        Arguments.of("a pod owned by a ReplicaSet, as ours are", pod(replicaSetOwner()), false),
        Arguments.of("the user's pod, the CPA a plain owner", pod(cpaOwner(UID, false)), false),
        Arguments.of(
            "a pod of an earlier CPA of the same name", pod(cpaOwner("another-uid", true)), false),
        Arguments.of("a pod without owners", pod(), false),
        Arguments.of(
            "the Go operator's pod, already being deleted",
            deleting(pod(cpaOwner(UID, true))),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void onlyThePodTheCpaControlsIsLeftOverFromTheGoOperator(String name, Pod pod, boolean leftOver) {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "shop-cpa", new ScaleTargetReference("apps/v1", "Deployment", "web"), "a:1");
    cpa.getMetadata().setUid(UID);

    assertThat(GoOperatorPod.isLeftOverFrom(cpa, pod)).isEqualTo(leftOver);
  }

  private static Pod pod(OwnerReference... owners) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("shop-cpa")
        .withOwnerReferences(List.of(owners))
        .endMetadata()
        .build();
  }

  private static Pod deleting(Pod pod) {
    pod.getMetadata().setDeletionTimestamp("2024-05-01T10:00:00Z");
    return pod;
  }

  private static OwnerReference cpaOwner(String uid, boolean controller) {
    return new OwnerReferenceBuilder()
        .withApiVersion("custompodautoscaler.com/v1")
        .withKind("CustomPodAutoscaler")
        .withName("shop-cpa")
        .withUid(uid)
        .withController(controller)
        .build();
  }

  private static OwnerReference replicaSetOwner() {
    return new OwnerReferenceBuilder()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName("shop-cpa-5d8f7c9b6")
        .withUid("1f2e3d4c-0000-4000-8000-000000000001")
        .withController(true)
        .build();
  }
}
