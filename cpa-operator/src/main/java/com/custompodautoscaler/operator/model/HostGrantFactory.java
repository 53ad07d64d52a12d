package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * What lets the autoscaler host act for one hosted CPA: a Role that allows impersonating the CPA's
 * ServiceAccount, by name, and nothing else, bound to the host's account. Both are named {@code
 * <cpa>:host}; the colon keeps the name apart from every CPA's own objects, since a CPA's name
 * cannot hold one.
 */
public final class HostGrantFactory {

  private HostGrantFactory() {}

  public static String name(CustomPodAutoscaler cpa) {
    return cpa.getMetadata().getName() + ":host";
  }

  public static Role role(CustomPodAutoscaler cpa) {
    return new RoleBuilder()
        .withMetadata(Provisioning.metadataFor(cpa, name(cpa)))
        .addNewRule()
        .withApiGroups("")
        .withResources("serviceaccounts")
        .withResourceNames(cpa.getMetadata().getName())
        .withVerbs("impersonate")
        .endRule()
        .build();
  }

  public static RoleBinding roleBinding(CustomPodAutoscaler cpa, HostAccount host) {
    return new RoleBindingBuilder()
        .withMetadata(Provisioning.metadataFor(cpa, name(cpa)))
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("Role")
        .withName(name(cpa))
        .endRoleRef()
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName(host.name())
        .withNamespace(host.namespace())
        .endSubject()
        .build();
  }
}
