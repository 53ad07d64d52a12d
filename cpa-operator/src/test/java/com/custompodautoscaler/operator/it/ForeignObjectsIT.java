package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.model.Provisioning;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import com.custompodautoscaler.playground.ControllerManager;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects of a CPA's name that are not the CPA's own, on a real API server with Kubernetes' garbage
 * collector running and the operator acting as its installed account: the operator neither applies
 * to them nor owns them, says so in the CPA's status and in an event, and they outlive the CPA.
 */
class ForeignObjectsIT {

  @RegisterExtension static final InProcessOperator OPERATOR = new InProcessOperator();

  @TempDir static Path dir;

  private static ControllerManager garbageCollector;

  @BeforeAll
  static void startTheGarbageCollector() throws Exception {
    Path kubeconfig =
        Files.writeString(dir.resolve("kubeconfig"), SharedKubeApiServer.kubeconfigYaml());
    garbageCollector =
        ControllerManager.start(
            kubeconfig,
            dir.resolve("controller-manager.log"),
            List.of("garbagecollector"),
            List.of());
  }

  @AfterAll
  static void stopTheGarbageCollector() {
    garbageCollector.close();
  }

  @Test
  void aCpaNamedAfterItsTargetLeavesTheTargetAloneAndSaysToRenameIt() {
    KubernetesClient admin = OPERATOR.admin();
    String namespace = SharedKubeApiServer.freshNamespace(admin, "php");
    HasMetadata target =
        admin.resource(Workloads.deployment("php-apache", 1)).inNamespace(namespace).create();
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("php-apache", Map.of());
    cpa.getSpec().getScaleTargetRef().setName("php-apache");
    admin.resource(cpa).inNamespace(namespace).create();

    CustomPodAutoscaler reported = awaitNameConflict(admin, namespace, "php-apache");

    assertThat(CpaConditions.condition(reported, "Ready").getMessage())
        .startsWith(
            "Deployment php-apache exists and is not this CPA's (it is this CPA's scale target)")
        .contains("give the CPA another name, such as php-apache-autoscaler");
    assertThat(CpaConditions.condition(reported, "Paused").getReason()).isEqualTo("NotRunning");
    assertUntouched(admin, target);
    assertThat(admin.serviceAccounts().inNamespace(namespace).withName("php-apache").get())
        .as("the objects before the Deployment are the CPA's own, so made")
        .isNotNull();
  }

  static Stream<Arguments> foreignObjects() {
    return Stream.of(
        Arguments.of(
            "ServiceAccount",
            new ServiceAccountBuilder().withNewMetadata().withName("victim").endMetadata().build(),
            List.of()),
        Arguments.of("Role", userRole(), List.of("ServiceAccount")),
        Arguments.of("RoleBinding", userRoleBinding(), List.of("ServiceAccount", "Role")),
        Arguments.of(
            "Deployment",
            Workloads.deployment("victim", 2),
            List.of("ServiceAccount", "Role", "RoleBinding")));
  }

  @ParameterizedTest(name = "a {0} of the CPA's name")
  @MethodSource("foreignObjects")
  void isLeftAloneReportedAndOutlivesTheCpa(
      String kind, HasMetadata object, List<String> madeBeforeIt) {
    KubernetesClient admin = OPERATOR.admin();
    String namespace = SharedKubeApiServer.freshNamespace(admin, kind.toLowerCase());
    HasMetadata mine = admin.resource(object).inNamespace(namespace).create();
    CustomPodAutoscaler cpa =
        admin.resource(OperatorTestSupport.cpa("victim", Map.of())).inNamespace(namespace).create();

    CustomPodAutoscaler reported = awaitNameConflict(admin, namespace, "victim");

    assertThat(CpaConditions.condition(reported, "Ready").getMessage())
        .startsWith(kind + " victim exists and is not this CPA's (no controller owns it)")
        .contains("Rename the CPA, delete " + kind + " victim if nothing needs it");
    assertThat(OperatorTestSupport.awaitEvent(admin, namespace, "victim", "NameConflict").getType())
        .isEqualTo("Warning");
    assertThat(provisionedKinds(admin, namespace))
        .as("what comes before it is made; nothing after it, since it would refer to it")
        .containsExactlyElementsOf(madeBeforeIt);
    assertUntouched(admin, mine);

    deleteAndAwaitItsObjectsCollected(admin, cpa);

    assertUntouched(admin, mine);
  }

  @Test
  void theServiceAccountAndRoleOfAnotherAppKeepTheirRulesAndOutliveTheCpa() {
    KubernetesClient admin = OPERATOR.admin();
    String namespace = SharedKubeApiServer.freshNamespace(admin, "victim");
    HasMetadata account =
        admin
            .resource(
                new ServiceAccountBuilder()
                    .withNewMetadata()
                    .withName("victim")
                    .endMetadata()
                    .build())
            .inNamespace(namespace)
            .create();
    HasMetadata role = admin.resource(userRole()).inNamespace(namespace).create();
    CustomPodAutoscaler cpa =
        admin.resource(OperatorTestSupport.cpa("victim", Map.of())).inNamespace(namespace).create();

    awaitNameConflict(admin, namespace, "victim");
    deleteAndAwaitItsObjectsCollected(admin, cpa);

    assertUntouched(admin, account);
    assertUntouched(admin, role);
    assertThat(admin.rbac().roles().inNamespace(namespace).withName("victim").get().getRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.getResources()).containsExactly("configmaps"));
  }

  private static CustomPodAutoscaler awaitNameConflict(
      KubernetesClient admin, String namespace, String name) {
    CustomPodAutoscaler reported =
        OperatorTestSupport.awaitCondition(admin, namespace, name, "Ready", "False");
    assertThat(CpaConditions.condition(reported, "Ready").getReason()).isEqualTo("NameConflict");
    return reported;
  }

  /**
   * The object as it was made: the same version (nothing wrote to it), no owner, and no field of
   * the operator's.
   */
  private static void assertUntouched(KubernetesClient admin, HasMetadata made) {
    HasMetadata now = admin.resource(made).get();
    assertThat(now)
        .as("%s %s still exists", made.getKind(), made.getMetadata().getName())
        .isNotNull();
    assertThat(now.getMetadata().getResourceVersion())
        .as("%s unchanged", made.getKind())
        .isEqualTo(made.getMetadata().getResourceVersion());
    assertThat(now.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(now.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .doesNotContain(Provisioning.FIELD_MANAGER);
  }

  /**
   * Deletes {@code cpa} and waits until the garbage collector has deleted what it owns: a ConfigMap
   * the test gives it as controller, besides what the operator made.
   */
  private static void deleteAndAwaitItsObjectsCollected(
      KubernetesClient admin, CustomPodAutoscaler cpa) {
    String namespace = cpa.getMetadata().getNamespace();
    admin
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("owned-by-the-cpa")
                .withOwnerReferences(Provisioning.controllerReference(cpa))
                .endMetadata()
                .build())
        .inNamespace(namespace)
        .create();
    admin.resource(cpa).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(
                      admin.configMaps().inNamespace(namespace).withName("owned-by-the-cpa").get())
                  .as("collected with the CPA")
                  .isNull();
              assertThat(provisionedKinds(admin, namespace)).isEmpty();
            });
  }

  /** The kinds of the objects of the operator's labels, in the order it provisions them. */
  private static List<String> provisionedKinds(KubernetesClient admin, String namespace) {
    return Stream.of(ServiceAccount.class, Role.class, RoleBinding.class, Deployment.class)
        .flatMap(
            kind ->
                admin
                    .resources(kind)
                    .inNamespace(namespace)
                    .withLabel(Provisioning.MANAGED_BY_LABEL)
                    .list()
                    .getItems()
                    .stream())
        .map(HasMetadata::getKind)
        .toList();
  }

  /** Another app's Role of the CPA's name, which may read ConfigMaps. */
  private static HasMetadata userRole() {
    return OperatorTestSupport.configMapReader("victim");
  }

  /** Another app's RoleBinding of the CPA's name. */
  private static HasMetadata userRoleBinding() {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName("victim")
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "Role", "reader")
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName("reader")
        .endSubject()
        .build();
  }
}
