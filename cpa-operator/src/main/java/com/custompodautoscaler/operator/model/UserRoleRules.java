package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.RoleRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of {@code spec.roleRules}, which the operator adds to the autoscaler's Role after its
 * own: their problems, each named by its path, and the Role rules they make.
 */
public final class UserRoleRules {

  private UserRoleRules() {}

  /**
   * What is wrong with {@code rules}, as {@code spec.roleRules[i].field: problem}; empty if none.
   */
  public static List<String> problems(List<RoleRule> rules) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String path = "spec.roleRules[" + i + "]";
      RoleRule rule = rules.get(i);
      if (rule == null) {
        problems.add(path + ": is empty");
        continue;
      }
      required(
          problems, path + ".apiGroups", rule.getApiGroups(), "API group (\"\" is the core group)");
      required(problems, path + ".resources", rule.getResources(), "resource");
      required(problems, path + ".verbs", rule.getVerbs(), "verb");
      named(problems, path + ".resources", rule.getResources());
      named(problems, path + ".resourceNames", rule.getResourceNames());
      named(problems, path + ".verbs", rule.getVerbs());
      if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
        problems.add(path + ".nonResourceURLs: a Role cannot grant non-resource URLs");
      }
    }
    return problems;
  }

  /** The Role rules {@code rules} make, in order; only for rules without {@link #problems}. */
  public static List<PolicyRule> policyRules(List<RoleRule> rules) {
    return rules.stream()
        .map(
            rule ->
                new PolicyRuleBuilder()
                    .withApiGroups(rule.getApiGroups())
                    .withResources(rule.getResources())
                    .withResourceNames(rule.getResourceNames())
                    .withVerbs(rule.getVerbs())
                    .build())
        .toList();
  }

  private static void required(
      List<String> problems, String path, List<String> values, String what) {
    if (values == null || values.isEmpty()) {
      problems.add(path + ": needs at least one " + what);
    }
  }

  /** Every entry of a list of names must be a name: an empty one matches nothing. */
  private static void named(List<String> problems, String path, List<String> values) {
    List<String> entries = Optional.ofNullable(values).orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == null || entries.get(i).isBlank()) {
        problems.add(path + "[" + i + "]: is empty");
      }
    }
  }
}
