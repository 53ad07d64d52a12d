package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.pipeline.testing.Rbac;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code helm install} of {@code deploy/helm/cpa-operator} with the images built from the
 * Dockerfiles: both replicas Ready, one holding the lease, and the admission webhook answering the
 * API server through its Service.
 */
@Order(1)
@ExtendWith(InstalledOperator.class)
class OperatorInstallIT {

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void bothReplicasAreReadyAndOneHoldsTheLease() {
    List<Pod> pods =
        admin
            .pods()
            .inNamespace(Cluster.OPERATOR_NAMESPACE)
            .withLabel("app.kubernetes.io/name", "cpa-operator")
            .list()
            .getItems();
    assertThat(pods).hasSize(Cluster.OPERATOR_REPLICAS);
    assertThat(pods).allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
    Lease lease =
        admin
            .resources(Lease.class)
            .inNamespace(Cluster.OPERATOR_NAMESPACE)
            .withName("cpa-operator")
            .get();
    assertThat(lease.getSpec().getHolderIdentity())
        .isIn(pods.stream().map(pod -> pod.getMetadata().getName()).toList());
  }

  @Test
  void theWebhookRefusesACpaWhoseAuthorLacksItsRules() throws Exception {
    String namespace = Cluster.createNamespace("webhook-e2e");
    Rbac.grant(
        admin,
        namespace,
        "cpa-author",
        new SubjectBuilder()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("User")
            .withName("alice")
            .build(),
        Rbac.rule("custompodautoscaler.com", "custompodautoscalers", "create", "get"));
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "greedy",
            new ScaleTargetReference("apps/v1", "Deployment", "web"),
            "cpa-autoscaler:0.1.0");
    cpa.getSpec().setRoleRules(List.of(new RoleRule(List.of("*"), List.of("*"), List.of("*"))));

    try (KubernetesClient alice =
        new KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder(
                        Config.fromKubeconfig(Files.readString(Cluster.kubeconfig())))
                    .withImpersonateUsername("alice")
                    .withImpersonateGroups("system:authenticated")
                    .build())
            .build()) {
      assertThatThrownBy(() -> alice.resource(cpa).inNamespace(namespace).create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("role-rules.custompodautoscaler.com")
          .hasMessageContaining("spec.roleRules[0]: alice may not *");
    }
  }
}
