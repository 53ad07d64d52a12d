package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.Rbac;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code deploy/install/cluster-wide.yaml} applied with kubectl, and the operator running as the
 * ServiceAccount it installs: the RBAC it grants is enough for everything the operator does, and
 * for nothing much else.
 */
class InstallManifestsIT {

  private static final String OPERATOR_NAMESPACE = "cpa-system";
  private static final String OPERATOR = "cpa-operator";

  private static KubernetesClient admin;
  private static CustomPodAutoscalerOperator operator;

  @BeforeAll
  static void install() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    Path kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
    Files.writeString(kubeconfig, SharedKubeApiServer.kubeconfigYaml());
    Kubectl.run(
        kubeconfig,
        "apply",
        "-f",
        ProjectFiles.resolve("deploy/install/cluster-wide.yaml").toString());
    Kubectl.run(
        kubeconfig,
        "wait",
        "--for=condition=Established",
        "crd/custompodautoscalers.custompodautoscaler.com");
    Files.delete(kubeconfig);
    operator = LoopbackWebhook.serveWithTheOperator(admin);
  }

  @AfterAll
  static void stop() {
    LoopbackWebhook.remove(admin);
    operator.close();
    admin.close();
  }

  @Test
  void theInstalledRbacLetsTheOperatorProvisionRepairPauseAndResume() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "installed");
    admin.resource(Workloads.deployment("web", 4)).inNamespace(namespace).create();
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("scaler", Map.of());
    cpa.getSpec().setRoleRequiresMetricsServer(true);
    cpa.getSpec().setRoleRequiresArgoRollouts(true);
    admin.resource(cpa).inNamespace(namespace).create();

    OperatorTestSupport.awaitReady(admin, namespace, "scaler");
    assertThat(role(namespace))
        .as("rules the operator holds itself, so it may grant them without escalate")
        .anySatisfy(rule -> assertThat(rule.getApiGroups()).containsExactly("metrics.k8s.io"));

    admin.rbac().roles().inNamespace(namespace).withName("scaler").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(admin.rbac().roles().inNamespace(namespace).withName("scaler").get())
                    .as("the deleted Role comes back")
                    .isNotNull());

    OperatorTestSupport.pauseThenResume(admin, namespace, "scaler", "web", 2);
  }

  @Test
  void theInstalledRbacLetsTheOperatorDeleteTheGoOperatorsPod() {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "takeover");
    CustomPodAutoscaler cpa =
        admin.resource(OperatorTestSupport.cpa("taken", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "taken");
    OperatorTestSupport.createGoOperatorPodAndOthers(admin, cpa);

    // Any reconciliation deletes it: here after an edit, when taking over the one at start.
    OperatorTestSupport.touch(admin, namespace, "taken");

    OperatorTestSupport.awaitGoOperatorPodReplaced(admin, cpa);
  }

  @Test
  void theInstalledWebhookRefusesACpaWhoseAuthorLacksItsRules() {
    String namespace = LoopbackWebhook.freshNamespace(admin, "webhook");
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("greedy", Map.of());
    cpa.getSpec().setRoleRules(List.of(new RoleRule(List.of("*"), List.of("*"), List.of("*"))));

    try (KubernetesClient developer = OperatorTestSupport.clientAs(namespace, "developer")) {
      Rbac.grant(
          admin,
          namespace,
          "cpa-author",
          new SubjectBuilder()
              .withKind("ServiceAccount")
              .withName("developer")
              .withNamespace(namespace)
              .build(),
          Rbac.rule("custompodautoscaler.com", "custompodautoscalers", "get", "create"));
      assertThatThrownBy(() -> developer.resource(cpa).inNamespace(namespace).create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("role-rules.custompodautoscaler.com")
          .hasMessageContaining(
              "spec.roleRules[0]: system:serviceaccount:" + namespace + ":developer may not *");
    }
  }

  static Stream<Arguments> denied() {
    return Stream.of(
        access("read secrets", "", "secrets", "", "get"),
        access("create pods", "", "pods", "", "create"),
        access("update pods", "", "pods", "", "update"),
        access("exec into pods", "", "pods", "exec", "create"),
        access("read pods' logs", "", "pods", "log", "get"),
        access("delete events", "", "events", "", "delete"),
        access("delete Deployments", "apps", "deployments", "", "delete"),
        access("update a Deployment's spec", "apps", "deployments", "", "update"),
        access("delete ServiceAccounts", "", "serviceaccounts", "", "delete"),
        access("create ServiceAccount tokens", "", "serviceaccounts", "token", "create"),
        access("delete Roles", "rbac.authorization.k8s.io", "roles", "", "delete"),
        access("escalate Roles", "rbac.authorization.k8s.io", "roles", "", "escalate"),
        access("bind Roles", "rbac.authorization.k8s.io", "roles", "", "bind"),
        access("read ConfigMaps", "", "configmaps", "", "get"),
        access("create ClusterRoles", "rbac.authorization.k8s.io", "clusterroles", "", "create"),
        access("bind ClusterRoles", "rbac.authorization.k8s.io", "clusterroles", "", "bind"),
        access(
            "create ClusterRoleBindings",
            "rbac.authorization.k8s.io",
            "clusterrolebindings",
            "",
            "create"),
        access("edit a CPA's spec", "custompodautoscaler.com", "custompodautoscalers", "", "patch"),
        access("delete CPAs", "custompodautoscaler.com", "custompodautoscalers", "", "delete"),
        access("update a Deployment's status", "apps", "deployments", "status", "update"));
  }

  @ParameterizedTest(name = "may not {0}")
  @MethodSource("denied")
  void theOperatorMayNotDoWhatItHasNoNeedFor(String what, ResourceAttributes attributes) {
    assertThat(
            OperatorTestSupport.serviceAccountMay(admin, OPERATOR_NAMESPACE, OPERATOR, attributes))
        .as(what)
        .isFalse();
  }

  private static List<PolicyRule> role(String namespace) {
    return admin.rbac().roles().inNamespace(namespace).withName("scaler").get().getRules();
  }

  private static Arguments access(
      String what, String group, String resource, String subresource, String verb) {
    return Arguments.of(
        what, OperatorTestSupport.access("default", group, resource, subresource, verb, "any"));
  }
}
