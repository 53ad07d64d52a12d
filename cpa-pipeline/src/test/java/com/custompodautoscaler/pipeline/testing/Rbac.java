package com.custompodautoscaler.pipeline.testing;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Roles for the tests' users and accounts. */
public final class Rbac {

  private Rbac() {}

  /**
   * Grants {@code subject} the {@code rules} in {@code namespace}, through a Role and a RoleBinding
   * both named {@code name}.
   */
  public static void grant(
      KubernetesClient admin, String namespace, String name, Subject subject, PolicyRule... rules) {
    admin
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToRules(rules)
                .build())
        .inNamespace(namespace)
        .create();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                .withSubjects(subject)
                .build())
        .inNamespace(namespace)
        .create();
  }

  /** A Role rule of {@code verbs} on {@code resource} of {@code group}, of any name. */
  public static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withVerbs(verbs)
        .build();
  }
}
