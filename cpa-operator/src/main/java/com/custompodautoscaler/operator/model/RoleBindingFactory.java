package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/** Binds the autoscaler's Role to its ServiceAccount; all three are named after the CPA. */
public final class RoleBindingFactory {

  private RoleBindingFactory() {}

  public static RoleBinding roleBinding(CustomPodAutoscaler cpa) {
    String name = cpa.getMetadata().getName();
    return new RoleBindingBuilder()
        .withMetadata(Provisioning.metadataFor(cpa))
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("Role")
        .withName(name)
        .endRoleRef()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(name)
        .withNamespace(cpa.getMetadata().getNamespace())
        .endSubject()
        .build();
  }
}
