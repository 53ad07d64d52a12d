package com.custompodautoscaler.pipeline.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.pipeline.testing.Rbac;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients acting as ServiceAccounts by impersonation, over one client's HTTP connection, on a real
 * API server: each may do what its own Role grants and no more, whatever the others may.
 */
class ServiceAccountsIT {

  private static KubernetesClient admin;
  private static String namespace;

  @BeforeAll
  static void accounts() {
    admin = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(admin, "accounts");
    admin.resource(Workloads.deployment("web", 1)).inNamespace(namespace).create();
    Rbac.grant(
        admin,
        namespace,
        "may-scale",
        account("may-scale"),
        Rbac.rule("apps", "deployments", "get"),
        Rbac.rule("apps", "deployments/scale", "get", "patch", "update"));
    Rbac.grant(
        admin,
        namespace,
        "may-look",
        account("may-look"),
        Rbac.rule("apps", "deployments", "get"),
        Rbac.rule("apps", "deployments/scale", "get"));
  }

  @AfterAll
  static void close() {
    admin.close();
  }

  @Test
  void eachAccountMayScaleOnlyAsItsOwnRoleSays() {
    KubernetesClient mayScale = ServiceAccounts.impersonating(admin, namespace, "may-scale");
    KubernetesClient mayLook = ServiceAccounts.impersonating(admin, namespace, "may-look");

    mayScale.apps().deployments().inNamespace(namespace).withName("web").scale(3);
    assertThat(mayLook.apps().deployments().inNamespace(namespace).withName("web").scale())
        .extracting(scale -> scale.getSpec().getReplicas())
        .isEqualTo(3);
    assertThatThrownBy(
            () -> mayLook.apps().deployments().inNamespace(namespace).withName("web").scale(1))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(ServiceAccounts.user(namespace, "may-look"))
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(403);
  }

  private static Subject account(String name) {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(name)
        .withNamespace(namespace)
        .build();
  }
}
