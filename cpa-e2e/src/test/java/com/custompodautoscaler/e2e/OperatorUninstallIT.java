package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code helm uninstall}, last: nothing of the operator's is left, neither what the chart made nor
 * what the operator and the host wrote at run time (the webhook's certificate, the leases, which
 * the garbage collector deletes with the host's ServiceAccount), only the CRD, which Helm never
 * deletes, and the namespace, which Helm did not make.
 */
@Order(100)
class OperatorUninstallIT {

  @Test
  void helmUninstallLeavesNothingOfTheOperatorBehind() throws Exception {
    KubernetesClient admin = Cluster.admin();
    Cluster.installOperator();

    Cluster.uninstallOperator();

    // The host's pods have a minute to hand their shards over, and their Leases go after them.
    await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(left(admin)).isEmpty());
  }

  /** What is left of the operator, as {@code Kind/name}. */
  private static List<String> left(KubernetesClient admin) {
    String namespace = Cluster.OPERATOR_NAMESPACE;
    return Stream.of(
            admin.resources(Deployment.class).inNamespace(namespace).list().getItems(),
            admin.resources(Service.class).inNamespace(namespace).list().getItems(),
            admin.resources(Secret.class).inNamespace(namespace).list().getItems(),
            admin.resources(Lease.class).inNamespace(namespace).list().getItems(),
            admin.resources(Role.class).inNamespace(namespace).list().getItems(),
            admin.resources(RoleBinding.class).inNamespace(namespace).list().getItems(),
            admin.resources(ServiceAccount.class).inNamespace(namespace).list().getItems().stream()
                .filter(account -> !account.getMetadata().getName().equals("default"))
                .toList(),
            admin.resources(ClusterRole.class).list().getItems().stream()
                .filter(role -> role.getMetadata().getName().startsWith(Cluster.RELEASE))
                .toList(),
            admin.resources(ClusterRoleBinding.class).list().getItems().stream()
                .filter(binding -> binding.getMetadata().getName().startsWith(Cluster.RELEASE))
                .toList(),
            admin.resources(ValidatingWebhookConfiguration.class).list().getItems())
        .flatMap(List::stream)
        .filter(object -> !isDefaultAccountsToken(object))
        .map(object -> object.getKind() + "/" + object.getMetadata().getName())
        .toList();
  }

  /** The token the token controller keeps for the namespace's default ServiceAccount. */
  private static boolean isDefaultAccountsToken(HasMetadata object) {
    return object instanceof Secret secret
        && "kubernetes.io/service-account-token".equals(secret.getType())
        && secret.getMetadata().getName().startsWith("default-token-");
  }
}
