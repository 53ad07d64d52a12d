package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.Rbac;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admission webhook on a real API server, the operator running as its installed account:
 * whoever creates or edits a CPA must hold every rule its {@code spec.roleRules} adds. Alice may
 * manage CPAs, get StatefulSets and read pods' custom metrics in her namespace, and nothing else.
 * (Rules name no core-group resource by {@code ""}: the test's API server, built from Debian's
 * source, reads {@code ""} in a custom resource as null; {@code *} names Secrets instead.)
 */
class RoleRulesWebhookIT {

  private static KubernetesClient admin;
  private static KubernetesClient alice;
  private static CustomPodAutoscalerOperator operator;

  @BeforeAll
  static void serveTheWebhook() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    OperatorAccount.install(admin);
    operator = LoopbackWebhook.serveWithTheOperator(admin);
    alice =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.fromKubeconfig(SharedKubeApiServer.kubeconfigYaml()))
                    .withImpersonateUsername("alice")
                    .withImpersonateGroups("developers", "system:authenticated")
                    .build())
            .build();
  }

  @AfterAll
  static void stop() {
    LoopbackWebhook.remove(admin);
    operator.close();
    alice.close();
    admin.close();
  }

  static Stream<Arguments> rulesAliceLacks() {
    return Stream.of(
        Arguments.of("everything", rule("*", "*", "*"), "alice may not * * in API group *"),
        Arguments.of(
            "reading Secrets",
            rule("*", "secrets", "get"),
            "alice may not get secrets in API group *"),
        Arguments.of(
            "writing Roles",
            rule("rbac.authorization.k8s.io", "roles", "create"),
            "alice may not create roles in API group rbac.authorization.k8s.io"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesAliceLacks")
  void aRuleItsAuthorLacksIsRefusedByTheApiServer(String what, RoleRule rule, String message) {
    String namespace = alicesNamespace("lacks");
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("grabby", Map.of());
    cpa.getSpec().setRoleRules(List.of(rule));

    assertThatThrownBy(() -> alice.resource(cpa).inNamespace(namespace).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(403);
              assertThat(e.getMessage())
                  .contains("spec.roleRules[0]: " + message + " in namespace " + namespace);
            });
    assertThat(admin.resources(CustomPodAutoscaler.class).inNamespace(namespace).list().getItems())
        .isEmpty();
  }

  @Test
  void aMetricsRuleItsAuthorHoldsIsGranted() {
    String namespace = alicesNamespace("metrics");
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("metered", Map.of());
    cpa.getSpec().setRoleRules(List.of(rule("custom.metrics.k8s.io", "pods", "get")));
    alice.resource(cpa).inNamespace(namespace).create();

    OperatorTestSupport.awaitReady(admin, namespace, "metered");
    assertThat(mayGet(namespace, "metered", "custom.metrics.k8s.io", "pods")).isTrue();
  }

  @Test
  void aRuleItsAuthorHoldsOutsideTheAllowListIsAdmittedButNotGranted() {
    String namespace = alicesNamespace("allowlist");
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("configured", Map.of());
    cpa.getSpec().setRoleRules(List.of(rule("apps", "statefulsets", "get")));
    alice.resource(cpa).inNamespace(namespace).create();

    CustomPodAutoscaler refused =
        OperatorTestSupport.awaitCondition(admin, namespace, "configured", "Ready", "False");
    assertThat(CpaConditions.condition(refused, "Ready").getReason()).isEqualTo("RoleRulesRefused");
    assertThat(CpaConditions.condition(refused, "Ready").getMessage())
        .contains("spec.roleRules[0] grants get on statefulsets in API group apps")
        .contains("roleRules.allowed");
    assertThat(mayGet(namespace, "configured", "apps", "statefulsets")).isFalse();
    assertThat(
            OperatorTestSupport.awaitEvent(admin, namespace, "configured", "RoleRulesRefused")
                .getType())
        .isEqualTo("Warning");
  }

  @Test
  void pausingACpaGrantsNothingSoItNeedsNoneOfItsRulesButAddingOneDoes() {
    String namespace = alicesNamespace("pause");
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("admins", Map.of());
    cpa.getSpec().setRoleRules(List.of(rule("*", "secrets", "get")));
    admin.resource(cpa).inNamespace(namespace).create();

    alice
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName("admins")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"v1.custompodautoscaler.com/paused-replicas\":\"2\"}}}");
    OperatorTestSupport.awaitCondition(admin, namespace, "admins", "Paused", "True");

    assertThatThrownBy(
            () ->
                alice
                    .resources(CustomPodAutoscaler.class)
                    .inNamespace(namespace)
                    .withName("admins")
                    .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"add\",\"path\":\"/spec/roleRules/-\",\"value\":"
                            + "{\"apiGroups\":[\"*\"],\"resources\":[\"secrets\"],\"verbs\":[\"list\"]}}]"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.roleRules[1]: alice may not list secrets");
  }

  /** A fresh namespace where the webhook is asked and Alice may what the class says. */
  private static String alicesNamespace(String prefix) {
    String namespace = LoopbackWebhook.freshNamespace(admin, prefix);
    Rbac.grant(
        admin,
        namespace,
        "alice",
        new SubjectBuilder()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("User")
            .withName("alice")
            .build(),
        Rbac.rule(
            "custompodautoscaler.com",
            "custompodautoscalers",
            "get",
            "list",
            "create",
            "update",
            "patch"),
        Rbac.rule("apps", "statefulsets", "get"),
        Rbac.rule("custom.metrics.k8s.io", "pods", "get"));
    return namespace;
  }

  /** Whether CPA {@code cpa}'s ServiceAccount may get {@code resource}. */
  private static boolean mayGet(String namespace, String cpa, String group, String resource) {
    return OperatorTestSupport.serviceAccountMay(
        admin,
        namespace,
        cpa,
        OperatorTestSupport.access(namespace, group, resource, "", "get", ""));
  }

  private static RoleRule rule(String group, String resource, String... verbs) {
    return new RoleRule(List.of(group), List.of(resource), List.of(verbs));
  }
}
