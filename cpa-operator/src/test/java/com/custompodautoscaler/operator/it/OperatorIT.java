package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerSpec;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator in-process against a real kube-apiserver with the checked-in CRD installed. */
class OperatorIT {

  /** The labels of the objects for CPA example-cpa: ours, then the Go operator's. */
  private static final Map<String, String> LABELS =
      Map.of(
          "custompodautoscaler.com/name",
          "example-cpa",
          "app.kubernetes.io/managed-by",
          "custom-pod-autoscaler-operator",
          "v1.custompodautoscaler.com/owned-by",
          "example-cpa");

  private static KubernetesClient admin;
  private static CustomPodAutoscalerOperator operator;

  @BeforeAll
  static void installTheCrdAndStartTheOperator() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator = OperatorTestSupport.startOperator();
  }

  @AfterAll
  static void stop() {
    operator.close();
    admin.close();
  }

  @Test
  void theAnnouncementsV1alpha1YamlYieldsTheFourObjectsAndAReadyCpa() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "announce");
    try (InputStream yaml = OperatorIT.class.getResourceAsStream("/cpa/announcement.yaml")) {
      admin.load(yaml).inNamespace(namespace).create();
    }

    CustomPodAutoscaler cpa = OperatorTestSupport.awaitReady(admin, namespace, "example-cpa");

    assertThat(cpa.getStatus().getObservedGeneration()).isEqualTo(1L);
    for (HasMetadata object : provisioned(namespace, "example-cpa")) {
      assertThat(object).as("%s exists", object == null ? "object" : object.getKind()).isNotNull();
      assertThat(object.getMetadata().getLabels())
          .as("the labels of the %s, the Go operator's among them", object.getKind())
          .isEqualTo(LABELS);
      assertThat(object.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(
              owner -> {
                assertThat(owner.getKind()).isEqualTo("CustomPodAutoscaler");
                assertThat(owner.getName()).isEqualTo("example-cpa");
                assertThat(owner.getController()).isTrue();
              });
    }
    Role role = admin.rbac().roles().inNamespace(namespace).withName("example-cpa").get();
    assertThat(role.getRules())
        .extracting(PolicyRule::getResources, PolicyRule::getResourceNames, PolicyRule::getVerbs)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                List.of("deployments"), List.of("hello-kubernetes"), List.of("get")),
            org.assertj.core.groups.Tuple.tuple(
                List.of("deployments/scale"),
                List.of("hello-kubernetes"),
                List.of("get", "patch", "update")));
    Deployment deployment =
        admin.apps().deployments().inNamespace(namespace).withName("example-cpa").get();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("example-cpa");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .as("the autoscaler's pods carry them too")
        .isEqualTo(LABELS);
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Map.of("custompodautoscaler.com/name", "example-cpa"));
  }

  @Test
  void aV1CpaGivesTheAutoscalerItsEnvironmentInOrder() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "env");
    admin
        .resource(OperatorTestSupport.cpa("env-cpa", Map.of("interval", "5000", "LOAD", "7")))
        .inNamespace(namespace)
        .create();

    OperatorTestSupport.awaitReady(admin, namespace, "env-cpa");

    List<EnvVar> env = autoscalerContainer(namespace, "env-cpa").getEnv();
    assertThat(env)
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "scaleTargetRef",
                "{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"}"),
            org.assertj.core.groups.Tuple.tuple("namespace", namespace),
            org.assertj.core.groups.Tuple.tuple("cpaName", "env-cpa"),
            org.assertj.core.groups.Tuple.tuple("healthPort", "8081"),
            org.assertj.core.groups.Tuple.tuple("LOAD", "7"),
            org.assertj.core.groups.Tuple.tuple("interval", "5000"));
  }

  @Test
  void theAutoscalerIsProbedOnItsHealthPortAndAHealthPortEntryMovesTheProbes() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "probes");
    admin.resource(OperatorTestSupport.cpa("probed-cpa", Map.of())).inNamespace(namespace).create();
    admin
        .resource(OperatorTestSupport.cpa("moved-cpa", Map.of("healthPort", "9090")))
        .inNamespace(namespace)
        .create();

    OperatorTestSupport.awaitReady(admin, namespace, "probed-cpa");
    OperatorTestSupport.awaitReady(admin, namespace, "moved-cpa");

    assertProbedOn(autoscalerContainer(namespace, "probed-cpa"), 8081);
    Container moved = autoscalerContainer(namespace, "moved-cpa");
    assertProbedOn(moved, 9090);
    assertThat(moved.getEnv())
        .as("the entry stands in for the injected variable: one of the name, as apply needs")
        .filteredOn(variable -> variable.getName().equals("healthPort"))
        .extracting(EnvVar::getValue)
        .containsExactly("9090");
  }

  private static Container autoscalerContainer(String namespace, String name) {
    return Workloads.deploymentNow(admin, namespace, name)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  /** The three probes, as the API server keeps them, ask the health listener on {@code port}. */
  private static void assertProbedOn(Container container, int port) {
    assertThat(List.of(container.getStartupProbe(), container.getLivenessProbe()))
        .allSatisfy(probe -> assertThat(probe.getHttpGet().getPath()).isEqualTo("/healthz"));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(
            List.of(
                container.getStartupProbe(),
                container.getLivenessProbe(),
                container.getReadinessProbe()))
        .allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getIntVal()).isEqualTo(port));
  }

  @Test
  void editsReachTheProvisionedObjectsAndDeletedOnesComeBack() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "edit");
    admin.resource(OperatorTestSupport.cpa("edit-cpa", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "edit-cpa");

    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName("edit-cpa")
        .edit(
            cpa -> {
              cpa.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("autoscaler:2");
              cpa.getSpec().setRoleRequiresMetricsServer(true);
              return cpa;
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Deployment deployment =
                  admin.apps().deployments().inNamespace(namespace).withName("edit-cpa").get();
              assertThat(
                      deployment
                          .getSpec()
                          .getTemplate()
                          .getSpec()
                          .getContainers()
                          .get(0)
                          .getImage())
                  .isEqualTo("autoscaler:2");
              Role role = admin.rbac().roles().inNamespace(namespace).withName("edit-cpa").get();
              assertThat(role.getRules())
                  .anySatisfy(
                      rule -> assertThat(rule.getApiGroups()).containsExactly("metrics.k8s.io"));
            });

    admin.rbac().roles().inNamespace(namespace).withName("edit-cpa").delete();
    admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("edit-cpa")
        .withGracePeriod(0)
        .delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(admin.rbac().roles().inNamespace(namespace).withName("edit-cpa").get())
                  .isNotNull();
              assertThat(
                      admin.apps().deployments().inNamespace(namespace).withName("edit-cpa").get())
                  .isNotNull();
            });
  }

  @Test
  void objectsLeftToTheUserAreNeitherCreatedNorChangedAndTheirAbsenceIsReported() throws Exception {
    String namespace =
        createNotReady(
            "mine-cpa",
            spec -> spec.setProvisionServiceAccount(false),
            "ServiceAccount mine-cpa is left to you (provisionServiceAccount: false) and does not exist");
    assertThat(admin.serviceAccounts().inNamespace(namespace).withName("mine-cpa").get()).isNull();

    admin
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("mine-cpa")
                .withLabels(Map.of("owner", "me"))
                .endMetadata()
                .build())
        .create();
    OperatorTestSupport.touch(admin, namespace, "mine-cpa");

    OperatorTestSupport.awaitReady(admin, namespace, "mine-cpa");
    assertThat(
            admin
                .serviceAccounts()
                .inNamespace(namespace)
                .withName("mine-cpa")
                .get()
                .getMetadata()
                .getOwnerReferences())
        .isEmpty();
  }

  @Test
  void aDeploymentLeftToTheUserIsNeitherChangedNorOwned() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "own-deploy");
    HasMetadata mine = Workloads.deployment("own-cpa", 2);
    mine.getMetadata().setLabels(Map.of("owner", "me"));
    admin.resource(mine).inNamespace(namespace).create();
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("own-cpa", Map.of());
    cpa.getSpec().setProvisionPod(false);
    admin.resource(cpa).inNamespace(namespace).create();

    OperatorTestSupport.awaitReady(admin, namespace, "own-cpa");

    Deployment after = admin.apps().deployments().inNamespace(namespace).withName("own-cpa").get();
    assertThat(after.getMetadata().getOwnerReferences()).as("not owned by the CPA").isEmpty();
    assertThat(after.getMetadata().getLabels()).isEqualTo(Map.of("owner", "me"));
    assertThat(after.getSpec().getReplicas()).isEqualTo(2);
    assertThat(after.getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(container -> assertThat(container.getEnv()).isEmpty());
  }

  @Test
  void aBarePodNamedAfterTheCpaRunsTheAutoscalerWithProvisionPodFalse() throws Exception {
    String namespace =
        createNotReady(
            "bare-cpa",
            spec -> spec.setProvisionPod(false),
            "Deployment bare-cpa or Pod bare-cpa is left to you (provisionPod: false) and does not exist");
    assertPaused(namespace, "bare-cpa", "NotRunning", "no autoscaler runs: provisionPod is false");

    // A bare API server runs no pods: this one stays Pending, which is enough to be found.
    Pod pod =
        admin
            .pods()
            .inNamespace(namespace)
            .resource(Workloads.pod("bare-cpa", Map.of("app", "my-autoscaler"), Map.of()))
            .create();
    OperatorTestSupport.touch(admin, namespace, "bare-cpa");

    OperatorTestSupport.awaitReady(admin, namespace, "bare-cpa");
    assertPaused(namespace, "bare-cpa", "NotRunning", "Pod bare-cpa is not ready (phase Pending)");
    assertThat(admin.apps().deployments().inNamespace(namespace).withName("bare-cpa").get())
        .isNull();
    assertThat(
            admin
                .pods()
                .inNamespace(namespace)
                .withName("bare-cpa")
                .get()
                .getMetadata()
                .getOwnerReferences())
        .isEmpty();

    // As a kubelet would report it once the autoscaler answers its readiness probe.
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .build());
    admin.pods().inNamespace(namespace).resource(pod).updateStatus();
    OperatorTestSupport.touch(admin, namespace, "bare-cpa");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertPaused(
                    namespace,
                    "bare-cpa",
                    "Running",
                    "the autoscaler runs: Pod bare-cpa is ready"));
  }

  /** The {@code Paused} condition of CPA {@code name} is False with {@code reason}. */
  private static void assertPaused(String namespace, String name, String reason, String message) {
    Condition paused =
        CpaConditions.condition(
            admin.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(name).get(),
            "Paused");
    assertThat(paused.getStatus()).isEqualTo("False");
    assertThat(paused.getReason()).isEqualTo(reason);
    assertThat(paused.getMessage()).contains(message);
  }

  @Test
  void anUnknownTargetKindIsReported() throws Exception {
    createNotReady(
        "lost-cpa",
        spec -> spec.getScaleTargetRef().setKind("Deploymnt"),
        "Deploymnt is not served in apps/v1");
  }

  /**
   * Creates CPA {@code name}, its spec changed by {@code change}, in a fresh namespace, and waits
   * until its Ready condition is False with {@code message}; returns the namespace.
   */
  private static String createNotReady(
      String name, Consumer<CustomPodAutoscalerSpec> change, String message) {
    String namespace = SharedKubeApiServer.freshNamespace(admin, name);
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa(name, Map.of());
    change.accept(cpa.getSpec());
    admin.resource(cpa).inNamespace(namespace).create();
    CustomPodAutoscaler notReady =
        OperatorTestSupport.awaitCondition(admin, namespace, name, "Ready", "False");
    assertThat(CpaConditions.condition(notReady, "Ready").getMessage()).contains(message);
    return namespace;
  }

  private static List<HasMetadata> provisioned(String namespace, String name) {
    return List.of(
        admin.serviceAccounts().inNamespace(namespace).withName(name).get(),
        admin.rbac().roles().inNamespace(namespace).withName(name).get(),
        admin.rbac().roleBindings().inNamespace(namespace).withName(name).get(),
        admin.apps().deployments().inNamespace(namespace).withName(name).get());
  }
}
