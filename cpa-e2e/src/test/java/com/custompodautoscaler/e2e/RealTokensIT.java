package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.Rbac;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RBAC with the credentials a cluster gives: the autoscaler's pod runs with the token the token
 * controller issued for the CPA's ServiceAccount, and a Role without {@code patch} on the target's
 * scale leaves it a 403, which the CPA's status names.
 */
@Order(3)
@ExtendWith(InstalledOperator.class)
class RealTokensIT {

  private static final String NAMESPACE = "real-tokens";

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void aRoleThatMaySeeButNotScaleTheTargetGetsA403WhichTheStatusNames() throws Exception {
    Cluster.createNamespace(NAMESPACE);
    GettingStartedLogic.target(admin, NAMESPACE, 3);
    GettingStartedLogic.configMap(admin, NAMESPACE);
    // The Role is ours, as provisionRole: false says, and lacks patch on the scale.
    Rbac.grant(
        admin,
        NAMESPACE,
        "may-not-scale",
        new SubjectBuilder()
            .withKind("ServiceAccount")
            .withName("limited")
            .withNamespace(NAMESPACE)
            .build(),
        Rbac.rule("apps", "deployments", "get"),
        Rbac.rule("apps", "deployments/scale", "get"),
        Rbac.rule("", "pods", "list"),
        Rbac.rule("custompodautoscaler.com", "custompodautoscalers", "get"),
        Rbac.rule("custompodautoscaler.com", "custompodautoscalers/status", "patch"),
        Rbac.rule("", "events", "create", "patch"));
    CustomPodAutoscaler cpa = GettingStartedLogic.cpa("limited", Map.of("interval", "3000"));
    cpa.getSpec().setProvisionRole(false);
    admin.resource(cpa).inNamespace(NAMESPACE).create();

    CustomPodAutoscaler refused =
        Cluster.awaitReason(NAMESPACE, "limited", "AbleToScale", "FailedUpdateScale");

    assertThat(CpaConditions.condition(refused, "AbleToScale").getMessage())
        .contains("403")
        .contains("system:serviceaccount:" + NAMESPACE + ":limited")
        .contains("cannot patch resource \"deployments/scale\"");
    assertThat(
            admin
                .apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName("hello-kubernetes")
                .get()
                .getSpec()
                .getReplicas())
        .isOne();
    ServiceAccount account =
        admin.serviceAccounts().inNamespace(NAMESPACE).withName("limited").get();
    assertThat(account.getSecrets())
        .as("the token controller issued the account's token")
        .singleElement()
        .satisfies(secret -> assertThat(secret.getName()).startsWith("limited-token-"));
    Pod autoscaler =
        admin
            .pods()
            .inNamespace(NAMESPACE)
            .withLabel("custompodautoscaler.com/name", "limited")
            .list()
            .getItems()
            .get(0);
    assertThat(autoscaler.getSpec().getVolumes())
        .as("the pod mounts that token")
        .extracting(volume -> volume.getSecret() == null ? "" : volume.getSecret().getSecretName())
        .contains(account.getSecrets().get(0).getName());
  }
}
