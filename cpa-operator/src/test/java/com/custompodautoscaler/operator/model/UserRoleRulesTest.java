package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.RoleRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserRoleRulesTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("a complete rule", change(rule -> {}), List.of()),
        Arguments.of("the core group", change(rule -> rule.setApiGroups(List.of(""))), List.of()),
        Arguments.of(
            "names to limit it",
            change(rule -> rule.setResourceNames(List.of("settings"))),
            List.of()),
        Arguments.of(
            "no verbs",
            change(rule -> rule.setVerbs(null)),
            List.of("spec.roleRules[0].verbs: needs at least one verb")),
        Arguments.of(
            "an empty list of verbs",
            change(rule -> rule.setVerbs(List.of())),
            List.of("spec.roleRules[0].verbs: needs at least one verb")),
        Arguments.of(
            "an empty verb",
            change(rule -> rule.setVerbs(List.of("get", " "))),
            List.of("spec.roleRules[0].verbs[1]: is empty")),
        Arguments.of(
            "no resources",
            change(rule -> rule.setResources(List.of())),
            List.of("spec.roleRules[0].resources: needs at least one resource")),
        Arguments.of(
            "an empty resource",
            change(rule -> rule.setResources(List.of(""))),
            List.of("spec.roleRules[0].resources[0]: is empty")),
        Arguments.of(
            "an empty resource name",
            change(rule -> rule.setResourceNames(List.of(""))),
            List.of("spec.roleRules[0].resourceNames[0]: is empty")),
        Arguments.of(
            "no API groups",
            change(rule -> rule.setApiGroups(null)),
            List.of(
                "spec.roleRules[0].apiGroups: needs at least one API group (\"\" is the core group)")),
        Arguments.of(
            "non-resource URLs",
            change(rule -> rule.setNonResourceURLs(List.of("/metrics"))),
            List.of("spec.roleRules[0].nonResourceURLs: a Role cannot grant non-resource URLs")),
        Arguments.of(
            "several problems, each named",
            change(
                rule -> {
                  rule.setVerbs(List.of());
                  rule.setResources(null);
                }),
            List.of(
                "spec.roleRules[0].resources: needs at least one resource",
                "spec.roleRules[0].verbs: needs at least one verb")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void namesEachProblemByItsPath(String name, RoleRule rule, List<String> problems) {
    assertThat(UserRoleRules.problems(List.of(rule))).isEqualTo(problems);
  }

  @Test
  void aProblemIsNamedByTheIndexOfItsRule() {
    RoleRule missingVerbs = configMapReader();
    missingVerbs.setVerbs(List.of());

    assertThat(UserRoleRules.problems(Arrays.asList(configMapReader(), missingVerbs, null)))
        .containsExactly(
            "spec.roleRules[1].verbs: needs at least one verb", "spec.roleRules[2]: is empty");
  }

  @Test
  void theRulesBecomeRoleRulesInOrder() {
    RoleRule named = configMapReader();
    named.setResourceNames(List.of("settings"));
    RoleRule external =
        new RoleRule(List.of("external.metrics.k8s.io"), List.of("*"), List.of("get", "list"));

    assertThat(UserRoleRules.policyRules(List.of(named, external)))
        .extracting(
            PolicyRule::getApiGroups,
            PolicyRule::getResources,
            PolicyRule::getResourceNames,
            PolicyRule::getVerbs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                List.of(""), List.of("configmaps"), List.of("settings"), List.of("get")),
            org.assertj.core.groups.Tuple.tuple(
                List.of("external.metrics.k8s.io"), List.of("*"), null, List.of("get", "list")));
  }

  private static RoleRule configMapReader() {
    return new RoleRule(List.of(""), List.of("configmaps"), List.of("get"));
  }

  private static RoleRule change(Consumer<RoleRule> change) {
    RoleRule rule = configMapReader();
    rule.setVerbs(new ArrayList<>(rule.getVerbs()));
    change.accept(rule);
    return rule;
  }
}
