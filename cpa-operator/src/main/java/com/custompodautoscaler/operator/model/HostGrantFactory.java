package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.Hosting;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Set;

/**
 * What lets the autoscaler host act for one hosted CPA: a Role that allows impersonating the CPA's
 * ServiceAccount and reading the ConfigMaps its pod template names, each by name, and nothing else,
 * bound to the host's account. The host reads a ConfigMap through a watch of its name (list and
 * watch with a {@code metadata.name} field selector, which the API server authorizes by name). Both
 * are named {@code <cpa>:host}; the colon keeps the name apart from every CPA's own objects, since
 * a CPA's name cannot hold one.
 */
public final class HostGrantFactory {

  private HostGrantFactory() {}

  public static String name(CustomPodAutoscaler cpa) {
    return cpa.getMetadata().getName() + ":host";
  }

  public static Role role(CustomPodAutoscaler cpa) {
    RoleBuilder role =
        new RoleBuilder()
            .withMetadata(Provisioning.metadataFor(cpa, name(cpa)))
            .addNewRule()
            .withApiGroups("")
            .withResources("serviceaccounts")
            .withResourceNames(cpa.getMetadata().getName())
            .withVerbs("impersonate")
            .endRule();
    Set<String> configMaps = Hosting.configMapNames(cpa);
    if (!configMaps.isEmpty()) {
      role.addNewRule()
          .withApiGroups("")
          .withResources("configmaps")
          .withResourceNames(List.copyOf(configMaps))
          .withVerbs("get", "list", "watch")
          .endRule();
    }
    return role.build();
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
