package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerSpec;
import com.custompodautoscaler.api.v1.RoleRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The least an autoscaler needs, and nothing more: read its target, read and set the target's
 * scale, list pods, read its own CustomPodAutoscaler and report to its status, and record events.
 * Everything named is named exactly; there is no wildcard. Resource metrics and Argo Rollouts only
 * when the CPA asks for them; then the rules of {@code spec.roleRules}.
 */
public final class RoleFactory {

  private RoleFactory() {}

  /** The Role of {@code cpa}, with all its {@code spec.roleRules}. */
  public static Role role(CustomPodAutoscaler cpa, TargetResource target) {
    return role(cpa, target, cpa.getSpec().getRoleRules());
  }

  /** The Role of {@code cpa} with {@code added} after the operator's own rules. */
  public static Role role(CustomPodAutoscaler cpa, TargetResource target, List<RoleRule> added) {
    CustomPodAutoscalerSpec spec = cpa.getSpec();
    String targetName = spec.getScaleTargetRef().getName();
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(rule(target.group(), target.resource(), targetName, "get"));
    rules.add(
        rule(target.group(), target.resource() + "/scale", targetName, "get", "patch", "update"));
    rules.add(
        new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("list").build());
    rules.add(
        rule(
            CustomPodAutoscaler.GROUP, "custompodautoscalers", cpa.getMetadata().getName(), "get"));
    rules.add(
        rule(
            CustomPodAutoscaler.GROUP,
            "custompodautoscalers/status",
            cpa.getMetadata().getName(),
            "patch"));
    rules.add(
        new PolicyRuleBuilder()
            .withApiGroups("")
            .withResources("events")
            .withVerbs("create", "patch")
            .build());
    if (Boolean.TRUE.equals(spec.getRoleRequiresMetricsServer())) {
      rules.add(
          new PolicyRuleBuilder()
              .withApiGroups("metrics.k8s.io")
              .withResources("pods")
              .withVerbs("get", "list")
              .build());
    }
    if (Boolean.TRUE.equals(spec.getRoleRequiresArgoRollouts())) {
      rules.add(rule("argoproj.io", "rollouts", targetName, "get"));
      rules.add(rule("argoproj.io", "rollouts/scale", targetName, "get", "patch", "update"));
    }
    rules.addAll(UserRoleRules.policyRules(added));
    return new RoleBuilder().withMetadata(Provisioning.metadataFor(cpa)).withRules(rules).build();
  }

  private static PolicyRule rule(String group, String resource, String name, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withResourceNames(name)
        .withVerbs(verbs)
        .build();
  }
}
