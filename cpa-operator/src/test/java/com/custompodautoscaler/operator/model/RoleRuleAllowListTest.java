package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.v1.RoleRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoleRuleAllowListTest {

  static Stream<Arguments> underTheDefault() {
    return Stream.of(
        Arguments.of("reading pod metrics", rule("metrics.k8s.io", "pods", "get", "list"), ""),
        Arguments.of(
            "watching custom metrics of any resource",
            rule("custom.metrics.k8s.io", "*", "watch"),
            ""),
        Arguments.of(
            "everything",
            rule("*", "*", "*"),
            "spec.roleRules[0] grants * on * in API group *, which the cluster's allow-list"),
        Arguments.of(
            "reading Secrets",
            rule("", "secrets", "get"),
            "grants get on secrets in the core API group"),
        Arguments.of(
            "writing Roles",
            rule("rbac.authorization.k8s.io", "roles", "create"),
            "grants create on roles in API group rbac.authorization.k8s.io"),
        Arguments.of(
            "writing metrics",
            rule("metrics.k8s.io", "pods", "get", "create"),
            "grants create on pods in API group metrics.k8s.io"),
        Arguments.of(
            "every verb on metrics", rule("metrics.k8s.io", "pods", "*"), "grants * on pods"),
        Arguments.of(
            "metrics and Secrets in one rule",
            new RoleRule(List.of("metrics.k8s.io", ""), List.of("pods", "secrets"), List.of("get")),
            "grants get on pods in the core API group"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("underTheDefault")
  void theDefaultAllowsReadingTheMetricsApisAndNothingElse(
      String name, RoleRule rule, String refusal) {
    List<String> refusals = RoleRuleAllowList.DEFAULT.refusals(List.of(rule));

    if (refusal.isEmpty()) {
      assertThat(refusals).isEmpty();
    } else {
      assertThat(refusals)
          .singleElement()
          .asString()
          .contains(refusal)
          .contains("roleRules.allowed");
    }
  }

  @Test
  void aStarAllowsAnythingInItsPlaceAndAStarSlashAnyResourcesSubresource() {
    RoleRuleAllowList allowed =
        new RoleRuleAllowList(
            List.of(
                new RoleRuleAllowList.Entry(List.of("*"), List.of("*/scale"), List.of("get")),
                new RoleRuleAllowList.Entry(List.of(""), List.of("configmaps"), List.of("*"))));

    assertThat(
            allowed.refusals(
                List.of(
                    rule("apps", "deployments/scale", "get"),
                    rule("", "configmaps", "delete"),
                    rule("", "configmaps", "*"))))
        .isEmpty();
    assertThat(
            allowed.refusals(
                List.of(rule("apps", "deployments", "get"), rule("", "secrets", "get"))))
        .containsExactly(
            "spec.roleRules[0] grants get on deployments in API group apps, which the cluster's"
                + " allow-list of roleRules (roleRules.allowed in the operator's chart) does not"
                + " allow",
            "spec.roleRules[1] grants get on secrets in the core API group, which the cluster's"
                + " allow-list of roleRules (roleRules.allowed in the operator's chart) does not"
                + " allow");
  }

  @Test
  void theJsonTheChartPassesReadsAsTheList() {
    RoleRuleAllowList read =
        RoleRuleAllowList.parse(
            "[{\"apiGroups\":[\"metrics.k8s.io\",\"custom.metrics.k8s.io\",\"external.metrics.k8s.io\"],"
                + "\"resources\":[\"*\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]");

    assertThat(read).isEqualTo(RoleRuleAllowList.DEFAULT);
  }

  @Test
  void jsonThatIsNotAListOfRulesIsAnErrorThatSaysSo() {
    assertThatThrownBy(() -> RoleRuleAllowList.parse("{\"apiGroups\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "not a JSON list of rules, each with apiGroups, resources and verbs");
    assertThatThrownBy(
            () -> RoleRuleAllowList.parse("[{\"apiGroups\": [\"\"], \"resources\": [\"pods\"]}]"))
        .hasMessageContaining("an allowed rule needs verbs");
  }

  @Test
  void anEntryWithoutVerbsIsAnError() {
    assertThatThrownBy(
            () -> new RoleRuleAllowList.Entry(List.of(""), List.of("configmaps"), List.of()))
        .hasMessage("an allowed rule needs verbs");
  }

  private static RoleRule rule(String group, String resource, String... verbs) {
    return new RoleRule(List.of(group), List.of(resource), List.of(verbs));
  }
}
