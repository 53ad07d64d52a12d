package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.Conditions;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.api.v1.StatusApply;
import com.custompodautoscaler.operator.deploy.OperatorChart;
import com.custompodautoscaler.operator.model.HostAccount;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CPAs with {@code spec.hosted}: the operator gives them their account and Role but no pod, lets
 * the host's account impersonate theirs and no other and read the ConfigMaps they name and no
 * other, and tells in {@code Paused} what the host reports in {@code Hosted} (written here as a
 * host writes it), or why the CPA cannot be hosted. The operator runs with the rules the chart
 * gives it with {@code host.enabled} and the host's account the chart names.
 */
class HostedCpaIT {

  private static final String WITH_HOST = "cpa-operator-with-host";
  private static final List<HasMetadata> CHART_WITH_HOST = chartWithHost();
  private static final HostAccount HOST =
      HostAccount.parse(
          operatorEnv(OperatorChart.named(CHART_WITH_HOST, Deployment.class, OperatorAccount.NAME))
              .get("HOST_SERVICE_ACCOUNT"));

  @RegisterExtension
  static final InProcessOperator OPERATOR =
      new InProcessOperator(OperatorTestSupport.settings(Set.of(), Optional.of(HOST)));

  private static KubernetesClient admin;

  /** Gives the operator's account the chart's rules with the host, beside the installed ones. */
  @BeforeAll
  static void operatorWithHost() {
    admin = OPERATOR.admin();
    ClusterRole role =
        OperatorChart.named(CHART_WITH_HOST, ClusterRole.class, OperatorAccount.NAME);
    role.setMetadata(new ObjectMetaBuilder().withName(WITH_HOST).build());
    admin.resource(role).create();
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(WITH_HOST)
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(WITH_HOST)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withNamespace(OperatorAccount.NAMESPACE)
                .withName(OperatorAccount.NAME)
                .endSubject()
                .build())
        .create();
  }

  @AfterAll
  static void operatorWithoutHost() {
    admin.rbac().clusterRoleBindings().withName(WITH_HOST).delete();
    admin.rbac().clusterRoles().withName(WITH_HOST).delete();
  }

  @Test
  void aHostedCpaGetsItsAccountAndRoleButNoPodAndItsStatusFollowsTheHost() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "hosted");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    CustomPodAutoscaler onHost = hosted("on-host", "cpa-autoscaler-python:0.1.0");
    onHost
        .getSpec()
        .getTemplate()
        .getSpec()
        .getVolumes()
        .add(
            new VolumeBuilder()
                .withName("logic")
                .withNewConfigMap()
                .withName("logic")
                .endConfigMap()
                .build());
    admin.resource(onHost).inNamespace(namespace).create();
    for (String name : List.of("logic", "not-named")) {
      admin
          .resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build())
          .inNamespace(namespace)
          .create();
    }

    CustomPodAutoscaler waiting =
        awaitPaused(namespace, "on-host", "NotRunning", "no autoscaler host has taken it yet");
    assertThat(CpaConditions.condition(waiting, "Ready").getStatus()).isEqualTo("True");
    assertThat(get(ServiceAccount.class, namespace, "on-host")).isNotNull();
    assertThat(get(Role.class, namespace, "on-host")).isNotNull();
    assertThat(get(RoleBinding.class, namespace, "on-host")).isNotNull();
    assertThat(get(Deployment.class, namespace, "on-host")).as("no pod of its own").isNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> hostMayImpersonate(namespace, "on-host"));
    assertThat(get(Role.class, namespace, "on-host:host").getRules())
        .extracting(rule -> tuple(rule.getResources(), rule.getResourceNames(), rule.getVerbs()))
        .containsExactlyInAnyOrder(
            tuple(List.of("serviceaccounts"), List.of("on-host"), List.of("impersonate")),
            tuple(List.of("configmaps"), List.of("logic"), List.of("get", "list", "watch")));
    assertThat(hostMayImpersonate(namespace, "default")).as("another account").isFalse();
    try (KubernetesClient host = OperatorTestSupport.clientAs(HOST.namespace(), HOST.name())) {
      var configMaps = host.configMaps().inNamespace(namespace);
      assertThat(configMaps.withField("metadata.name", "logic").list().getItems())
          .as("the ConfigMap the CPA names, listed by its name as the host's watch lists it")
          .hasSize(1);
      assertThat(configMaps.withName("logic").get()).isNotNull();
      assertThatThrownBy(() -> configMaps.withName("not-named").get())
          .as("a ConfigMap no hosted CPA names")
          .hasMessageContaining("Forbidden");
      assertThatThrownBy(() -> configMaps.list())
          .as("every ConfigMap of the namespace")
          .hasMessageContaining("Forbidden");
    }

    reportHosted(
        namespace, "on-host", true, "Running", "replica host-0 of the autoscaler host runs it");
    awaitPaused(namespace, "on-host", "Running", "replica host-0");

    reportHosted(namespace, "on-host", false, "InvalidConfiguration", "interval: not a number");
    awaitPaused(namespace, "on-host", "NotRunning", "(InvalidConfiguration): interval");
  }

  @Test
  void aCpaThatNeedsItsOwnPodIsToldWhy() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "ownimage");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    admin.resource(hosted("custom", "example.com/my-logic:2")).inNamespace(namespace).create();

    awaitPaused(
        namespace,
        "custom",
        "NotRunning",
        "it cannot be hosted: spec.template container autoscaler runs image"
            + " example.com/my-logic:2");
  }

  @Test
  void aCpaThatBecomesHostedHasItsOwnPodScaledToNone() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "moving");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    admin.resource(OperatorTestSupport.cpa("moving", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "moving");
    assertThat(OperatorTestSupport.replicas(admin, namespace, "moving")).isEqualTo(1);

    setHosted(namespace, "moving", true);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> OperatorTestSupport.replicas(admin, namespace, "moving") == 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> hostMayImpersonate(namespace, "moving"));

    setHosted(namespace, "moving", false);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> OperatorTestSupport.replicas(admin, namespace, "moving") == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get(Role.class, namespace, "moving:host") == null
                    && get(RoleBinding.class, namespace, "moving:host") == null);
    assertThat(hostMayImpersonate(namespace, "moving")).isFalse();
  }

  @Test
  void aHostingGrantTheCpaDoesNotOwnIsLeftAloneAndReported() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "taken");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    admin
        .resource(OperatorTestSupport.configMapReader("mine:host"))
        .inNamespace(namespace)
        .create();
    admin.resource(hosted("mine", "cpa-autoscaler-python:0.1.0")).inNamespace(namespace).create();

    CustomPodAutoscaler refused =
        OperatorTestSupport.awaitCondition(admin, namespace, "mine", "Ready", "False");
    assertThat(CpaConditions.condition(refused, "Ready").getMessage()).contains("mine:host");
    assertThat(get(Role.class, namespace, "mine:host").getRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.getResources()).containsExactly("configmaps"));
    assertThat(hostMayImpersonate(namespace, "mine")).isFalse();
  }

  /** Whether the API server lets the host's account impersonate ServiceAccount {@code name}. */
  private static boolean hostMayImpersonate(String namespace, String name) {
    return OperatorTestSupport.serviceAccountMay(
        admin,
        HOST.namespace(),
        HOST.name(),
        OperatorTestSupport.access(namespace, "", "serviceaccounts", "", "impersonate", name));
  }

  private static void setHosted(String namespace, String name, boolean hosted) {
    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            cpa -> {
              cpa.getSpec().setHosted(hosted);
              return cpa;
            });
  }

  private static List<HasMetadata> chartWithHost() {
    try {
      return OperatorChart.objects(
          OperatorChart.render(
              OperatorAccount.NAME,
              OperatorAccount.NAMESPACE,
              Map.of("host", Map.of("enabled", true))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> operatorEnv(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static CustomPodAutoscaler hosted(String name, String image) {
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa(name, Map.of());
    cpa.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
    cpa.getSpec().setHosted(true);
    return cpa;
  }

  private static CustomPodAutoscaler awaitPaused(
      String namespace, String name, String reason, String message) {
    return CpaConditions.awaitCondition(
        admin,
        namespace,
        name,
        Duration.ofSeconds(30),
        condition ->
            CpaConditions.withReason("Paused", reason).test(condition)
                && condition.getMessage().contains(message));
  }

  /** Writes the {@code Hosted} condition as the host does: its own field manager. */
  private static void reportHosted(
      String namespace, String name, boolean runs, String reason, String message) {
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();
    status.setHostReplica("host-0");
    status.setConditions(
        List.of(
            Conditions.condition(null, Hosting.CONDITION, runs, reason, message, Instant.now())));
    StatusApply.apply(admin, StatusApply.patch(namespace, name, status), "cpa-host");
  }

  private static <T extends HasMetadata> T get(Class<T> kind, String namespace, String name) {
    return admin.resources(kind).inNamespace(namespace).withName(name).get();
  }
}
