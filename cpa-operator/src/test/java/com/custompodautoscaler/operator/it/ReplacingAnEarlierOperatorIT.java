package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.operator.model.AutoscalerDeploymentFactory;
import com.custompodautoscaler.operator.model.Provisioning;
import com.custompodautoscaler.operator.model.RoleBindingFactory;
import com.custompodautoscaler.operator.model.RoleFactory;
import com.custompodautoscaler.operator.model.ServiceAccountFactory;
import com.custompodautoscaler.operator.model.TargetResource;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator started where another one ran before: the Go operator, or an earlier version of this
 * one. The objects are there before the operator starts, so what puts them right is the
 * reconciliation of every CPA at start.
 */
class ReplacingAnEarlierOperatorIT {

  private static final Map<String, String> EARLIER_LABELS =
      Map.of(Provisioning.NAME_LABEL, "old-cpa", Provisioning.MANAGED_BY_LABEL, "cpa-operator");

  private static KubernetesClient admin;

  @BeforeAll
  static void installTheCrd() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
  }

  @AfterAll
  static void close() {
    admin.close();
  }

  @Test
  void theGoOperatorsPodIsDeletedAndOnlyIt() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "from-go");
    CustomPodAutoscaler cpa =
        admin.resource(OperatorTestSupport.cpa("go-cpa", Map.of())).inNamespace(namespace).create();
    OperatorTestSupport.createGoOperatorPodAndOthers(admin, cpa);

    try (CustomPodAutoscalerOperator operator = OperatorTestSupport.startOperator()) {
      OperatorTestSupport.awaitReady(admin, namespace, "go-cpa");
      OperatorTestSupport.awaitGoOperatorPodReplaced(admin, cpa);
    }
  }

  @Test
  void theGoOperatorsServiceAccountRoleAndRoleBindingAreTheCpasOwnSoTheirWildcardsGo()
      throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "go-rbac");
    CustomPodAutoscaler cpa =
        admin
            .resource(OperatorTestSupport.cpa("go-rbac", Map.of()))
            .inNamespace(namespace)
            .create();
    for (HasMetadata object : asTheGoOperatorMadeThem(cpa)) {
      admin.resource(object).inNamespace(namespace).create();
    }

    try (CustomPodAutoscalerOperator operator = OperatorTestSupport.startOperator()) {
      OperatorTestSupport.awaitReady(admin, namespace, "go-rbac");
      assertThat(admin.rbac().roles().inNamespace(namespace).withName("go-rbac").get().getRules())
          .as("the least-privilege rules in place of the Go operator's wildcards")
          .isEqualTo(RoleFactory.role(cpa, new TargetResource("apps", "deployments")).getRules());
      assertThat(admin.apps().deployments().inNamespace(namespace).withName("go-rbac").get())
          .isNotNull();
    }
  }

  @Test
  void objectsLabelledByAnEarlierVersionAreRelabelled() throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, "relabel");
    CustomPodAutoscaler cpa =
        admin
            .resource(OperatorTestSupport.cpa("old-cpa", Map.of()))
            .inNamespace(namespace)
            .create();
    for (HasMetadata object : asAnEarlierVersionMadeThem(cpa)) {
      admin
          .resource(object)
          .inNamespace(namespace)
          .fieldManager(Provisioning.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }

    try (CustomPodAutoscalerOperator operator = OperatorTestSupport.startOperator()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (HasMetadata object : provisioned(namespace)) {
                  assertThat(object.getMetadata().getLabels())
                      .as("labels of the %s", object.getKind())
                      .isEqualTo(Provisioning.labels(cpa));
                }
                Deployment deployment =
                    admin.apps().deployments().inNamespace(namespace).withName("old-cpa").get();
                assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(Provisioning.labels(cpa));
                assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(Map.of(Provisioning.NAME_LABEL, "old-cpa"));
              });
    }
  }

  /** The four objects with the labels of an earlier version: the old managed-by value. */
  private static List<HasMetadata> asAnEarlierVersionMadeThem(CustomPodAutoscaler cpa) {
    Deployment deployment = AutoscalerDeploymentFactory.deployment(cpa, 1);
    deployment
        .getSpec()
        .getTemplate()
        .getMetadata()
        .setLabels(Map.of(Provisioning.NAME_LABEL, "old-cpa"));
    List<HasMetadata> objects =
        List.of(
            ServiceAccountFactory.serviceAccount(cpa),
            RoleFactory.role(cpa, new TargetResource("apps", "deployments")),
            RoleBindingFactory.roleBinding(cpa),
            deployment);
    objects.forEach(object -> object.getMetadata().setLabels(EARLIER_LABELS));
    return objects;
  }

  /**
   * The ServiceAccount, Role and RoleBinding as the Go operator made them: its labels, the CPA as
   * controller, a Role of wildcards, written by plain creates under its own name.
   */
  private static List<HasMetadata> asTheGoOperatorMadeThem(CustomPodAutoscaler cpa) {
    Map<String, String> labels =
        Map.of(
            Provisioning.MANAGED_BY_LABEL,
            Provisioning.MANAGED_BY,
            Provisioning.OWNED_BY_LABEL,
            cpa.getMetadata().getName());
    List<HasMetadata> objects =
        List.of(
            ServiceAccountFactory.serviceAccount(cpa),
            new RoleBuilder()
                .withMetadata(Provisioning.metadataFor(cpa))
                .addNewRule()
                .withApiGroups("")
                .withResources("pods", "replicationcontrollers")
                .withVerbs("*")
                .endRule()
                .addNewRule()
                .withApiGroups("apps")
                .withResources("deployments", "deployments/scale", "replicasets", "statefulsets")
                .withVerbs("*")
                .endRule()
                .build(),
            RoleBindingFactory.roleBinding(cpa));
    objects.forEach(object -> object.getMetadata().setLabels(labels));
    return objects;
  }

  private static List<HasMetadata> provisioned(String namespace) {
    return List.of(
        admin.serviceAccounts().inNamespace(namespace).withName("old-cpa").get(),
        admin.rbac().roles().inNamespace(namespace).withName("old-cpa").get(),
        admin.rbac().roleBindings().inNamespace(namespace).withName("old-cpa").get(),
        admin.apps().deployments().inNamespace(namespace).withName("old-cpa").get());
  }
}
