package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
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
 * Asks the real API server (SubjectAccessReview) what the provisioned ServiceAccount may do: all
 * that the autoscaler needs, and nothing more.
 */
class LeastPrivilegeRoleIT {

  private static KubernetesClient admin;
  private static CustomPodAutoscalerOperator operator;
  private static String namespace;

  @BeforeAll
  static void provision() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator = OperatorTestSupport.startOperator();
    namespace = SharedKubeApiServer.freshNamespace(admin, "sar");
    admin.resource(OperatorTestSupport.cpa("least", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.awaitReady(admin, namespace, "least");
  }

  @AfterAll
  static void stop() {
    operator.close();
    admin.close();
  }

  static Stream<Arguments> allowed() {
    return Stream.of(
        access("get the target", "apps", "deployments", "", "get", "web"),
        access("get the target's scale", "apps", "deployments", "scale", "get", "web"),
        access("patch the target's scale", "apps", "deployments", "scale", "patch", "web"),
        access("update the target's scale", "apps", "deployments", "scale", "update", "web"),
        access("list pods", "", "pods", "", "list", ""),
        access(
            "get its CPA", "custompodautoscaler.com", "custompodautoscalers", "", "get", "least"),
        access(
            "patch its CPA's status",
            "custompodautoscaler.com",
            "custompodautoscalers",
            "status",
            "patch",
            "least"),
        access("create events", "", "events", "", "create", ""),
        access("patch events", "", "events", "", "patch", ""));
  }

  static Stream<Arguments> denied() {
    return Stream.of(
        access("get another Deployment", "apps", "deployments", "", "get", "other"),
        access("scale another Deployment", "apps", "deployments", "scale", "patch", "other"),
        access("update the target itself", "apps", "deployments", "", "update", "web"),
        access("delete the target", "apps", "deployments", "", "delete", "web"),
        access("list Deployments", "apps", "deployments", "", "list", ""),
        access("delete pods", "", "pods", "", "delete", ""),
        access("get pods' logs", "", "pods", "log", "get", "web-1"),
        access("read secrets", "", "secrets", "", "get", "any"),
        access(
            "get another CPA",
            "custompodautoscaler.com",
            "custompodautoscalers",
            "",
            "get",
            "other"),
        access(
            "update its CPA's spec",
            "custompodautoscaler.com",
            "custompodautoscalers",
            "",
            "update",
            "least"),
        access(
            "patch its CPA's spec (its template, its roleRules)",
            "custompodautoscaler.com",
            "custompodautoscalers",
            "",
            "patch",
            "least"),
        access("delete events", "", "events", "", "delete", ""),
        access(
            "read resource metrics without roleRequiresMetricsServer",
            "metrics.k8s.io",
            "pods",
            "",
            "list",
            ""),
        access(
            "scale Argo Rollouts without roleRequiresArgoRollouts",
            "argoproj.io",
            "rollouts",
            "scale",
            "patch",
            "web"));
  }

  @ParameterizedTest(name = "may {0}")
  @MethodSource("allowed")
  void theServiceAccountMayDoWhatTheAutoscalerNeeds(String what, ResourceAttributes attributes) {
    assertThat(review(attributes)).as(what).isTrue();
  }

  @ParameterizedTest(name = "may not {0}")
  @MethodSource("denied")
  void theServiceAccountMayDoNothingMore(String what, ResourceAttributes attributes) {
    assertThat(review(attributes)).as(what).isFalse();
  }

  @Test
  void theRoleHasNoWildcard() {
    List<PolicyRule> rules =
        admin.rbac().roles().inNamespace(namespace).withName("least").get().getRules();

    assertThat(rules)
        .allSatisfy(
            rule -> {
              assertThat(rule.getVerbs()).doesNotContain("*");
              assertThat(rule.getResources()).noneMatch(resource -> resource.contains("*"));
              assertThat(rule.getApiGroups()).doesNotContain("*");
            });
  }

  private static boolean review(ResourceAttributes attributes) {
    attributes.setNamespace(namespace);
    return OperatorTestSupport.serviceAccountMay(admin, namespace, "least", attributes);
  }

  private static Arguments access(
      String what, String group, String resource, String subresource, String verb, String name) {
    return Arguments.of(
        what, OperatorTestSupport.access("", group, resource, subresource, verb, name));
  }
}
