package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipTest {

  private static final String UID = "0b6f2d9e-1c3a-4e5f-8a7b-9c0d1e2f3a4b";
  private static final CustomPodAutoscaler CPA = cpa();

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of(
            "made by this operator or the Go operator for this CPA: the CPA is its controller",
            role(cpaOwner(UID, true)),
            true,
            ""),
        Arguments.of("the user's, without owners", role(), false, "no controller owns it"),
        Arguments.of(
            "the user's, with the CPA as a plain owner",
            role(cpaOwner(UID, false)),
            false,
            "no controller owns it"),
        Arguments.of(
            "an earlier CPA's of the same name, not yet garbage-collected",
            role(cpaOwner("5e4d3c2b-0000-4000-8000-000000000009", true)),
            false,
            "an earlier CustomPodAutoscaler of this name (uid 5e4d3c2b-0000-4000-8000-000000000009)"
                + " controls it until Kubernetes garbage-collects it"),
        Arguments.of(
            "another controller's",
            role(
                owner(
                    "apps/v1", "ReplicaSet", "web-6f7d8", "1f2e3d4c-0000-4000-8000-000000000001")),
            false,
            "ReplicaSet web-6f7d8 controls it"),
        Arguments.of(
            "labelled as ours but owned by nothing",
            labelledAsOurs(role()),
            false,
            "no controller owns it"),
        Arguments.of(
            "the CPA's scale target",
            new DeploymentBuilder().withNewMetadata().withName("php-apache").endMetadata().build(),
            false,
            "it is this CPA's scale target"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void onlyWhatTheCpaControlsIsItsOwn(
      String name, HasMetadata object, boolean owned, String holder) {
    assertThat(Ownership.isOwnedBy(object, CPA)).isEqualTo(owned);
    if (!owned) {
      assertThat(Ownership.holder(object, CPA)).isEqualTo(holder);
    }
  }

  @Test
  void aConflictOverTheTargetAdvisesRenamingTheCpaOnly() {
    HasMetadata target =
        new DeploymentBuilder().withNewMetadata().withName("php-apache").endMetadata().build();

    String message = NameConflict.over(target, CPA).message();

    assertThat(message)
        .startsWith(
            "Deployment php-apache exists and is not this CPA's (it is this CPA's scale target)")
        .contains("give the CPA another name, such as php-apache-autoscaler")
        .doesNotContain("delete");
  }

  @Test
  void aConflictOverAnotherObjectNamesTheWaysOut() {
    HasMetadata mine =
        new ServiceAccountBuilder().withNewMetadata().withName("php-apache").endMetadata().build();

    String message = NameConflict.over(mine, CPA).message();

    assertThat(message)
        .startsWith(
            "ServiceAccount php-apache exists and is not this CPA's (no controller owns it)")
        .contains("leaves it alone")
        .contains("Rename the CPA, delete ServiceAccount php-apache if nothing needs it")
        .endsWith("set spec.provisionServiceAccount: false to use it as it is");
  }

  private static CustomPodAutoscaler cpa() {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "php-apache", new ScaleTargetReference("apps/v1", "Deployment", "php-apache"), "a:1");
    cpa.getMetadata().setUid(UID);
    return cpa;
  }

  private static HasMetadata role(OwnerReference... owners) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName("php-apache")
        .withOwnerReferences(List.of(owners))
        .endMetadata()
        .build();
  }

  private static HasMetadata labelledAsOurs(HasMetadata object) {
    object.getMetadata().setLabels(Provisioning.labels(CPA));
    return object;
  }

  private static OwnerReference cpaOwner(String uid, boolean controller) {
    return new OwnerReferenceBuilder()
        .withApiVersion("custompodautoscaler.com/v1")
        .withKind("CustomPodAutoscaler")
        .withName("php-apache")
        .withUid(uid)
        .withController(controller)
        .build();
  }

  private static OwnerReference owner(String apiVersion, String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .build();
  }
}
