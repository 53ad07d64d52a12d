package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.PauseRequest;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.operator.OperatorSettings;
import com.custompodautoscaler.operator.model.HostAccount;
import com.custompodautoscaler.operator.model.Provisioning;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.pipeline.kubernetes.ServiceAccounts;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import com.custompodautoscaler.playground.CustomResourceDefinitions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Installs the CRD, builds and edits CustomPodAutoscalers, and asks what a ServiceAccount may do,
 * for the operator's tests.
 */
final class OperatorTestSupport {

  private OperatorTestSupport() {}

  /** Applies deploy/crd/custompodautoscaler.yaml (once) and waits until it is established. */
  static synchronized void installCrd(KubernetesClient admin) throws Exception {
    CustomResourceDefinitions.install(
        admin, ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml"), "cpa-tests");
  }

  /**
   * Starts the operator in-process over every namespace, without leader election, as the account
   * the install manifests give it.
   */
  static CustomPodAutoscalerOperator startOperator() throws IOException {
    return startOperator(settings(Set.of()));
  }

  /** Starts the operator in-process with {@code settings}, as its installed account. */
  static CustomPodAutoscalerOperator startOperator(OperatorSettings settings) throws IOException {
    try (KubernetesClient admin = SharedKubeApiServer.adminClient()) {
      return CustomPodAutoscalerOperator.start(OperatorAccount.client(admin), settings);
    }
  }

  /**
   * The settings of an operator over {@code namespaces} (all when empty), without leader election
   * or webhook, with the default allow-list of {@code spec.roleRules}, its health on a free port.
   */
  static OperatorSettings settings(Set<String> namespaces) {
    return settings(namespaces, Optional.empty());
  }

  /** As {@link #settings(Set)}, with the autoscaler host's account {@code host}. */
  static OperatorSettings settings(Set<String> namespaces, Optional<HostAccount> host) {
    return new OperatorSettings(
        namespaces, Optional.empty(), 0, RoleRuleAllowList.DEFAULT, Optional.empty(), host);
  }

  /** A v1 CPA for Deployment {@code web}, with {@code config} entries in name order. */
  static CustomPodAutoscaler cpa(String name, Map<String, String> config) {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            name, new ScaleTargetReference("apps/v1", "Deployment", "web"), "autoscaler:1");
    List<ConfigEntry> entries = new ArrayList<>();
    new TreeMap<>(config).forEach((key, value) -> entries.add(new ConfigEntry(key, value)));
    cpa.getSpec().setConfig(entries);
    return cpa;
  }

  /**
   * Creates the Pod the Go operator ran CPA {@code cpa} as (named after it, labelled as the Go
   * operator labels, the CPA its controller), and, beside it, Pods the take-over must leave alone:
   * one of a ReplicaSet, as this operator's autoscaler pods are, and the user's own with the CPA as
   * a plain owner. A bare API server runs no pods: they stay Pending.
   */
  static void createGoOperatorPodAndOthers(KubernetesClient admin, CustomPodAutoscaler cpa) {
    String name = cpa.getMetadata().getName();
    Map<String, String> labels =
        Map.of(
            Provisioning.MANAGED_BY_LABEL,
            Provisioning.MANAGED_BY,
            Provisioning.OWNED_BY_LABEL,
            name);
    createPod(
        admin,
        cpa,
        name,
        labels,
        owner(cpa.getApiVersion(), cpa.getKind(), name, cpa.getMetadata().getUid(), true));
    createPod(
        admin,
        cpa,
        name + "-7d4b9c-x2x9q",
        labels,
        owner(
            "apps/v1",
            "ReplicaSet",
            name + "-7d4b9c",
            "4a0b3c1d-0000-4000-8000-000000000001",
            true));
    createPod(
        admin,
        cpa,
        name + "-mine",
        Map.of("owner", "me"),
        owner(cpa.getApiVersion(), cpa.getKind(), name, cpa.getMetadata().getUid(), false));
  }

  private static void createPod(
      KubernetesClient admin,
      CustomPodAutoscaler cpa,
      String name,
      Map<String, String> labels,
      OwnerReference owner) {
    Pod pod = Workloads.pod(name, labels, Map.of());
    pod.getMetadata().setOwnerReferences(List.of(owner));
    admin.pods().inNamespace(cpa.getMetadata().getNamespace()).resource(pod).create();
  }

  private static OwnerReference owner(
      String apiVersion, String kind, String name, String uid, boolean controller) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(controller)
        .build();
  }

  /**
   * Waits until the Go operator's Pod of {@code cpa} is gone and an event on the CPA says so; the
   * other Pods stay.
   */
  static void awaitGoOperatorPodReplaced(KubernetesClient admin, CustomPodAutoscaler cpa) {
    String namespace = cpa.getMetadata().getNamespace();
    String name = cpa.getMetadata().getName();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(admin.pods().inNamespace(namespace).withName(name).get()).isNull();
              assertThat(admin.v1().events().inNamespace(namespace).list().getItems())
                  .anySatisfy(
                      event -> {
                        assertThat(event.getInvolvedObject().getName()).isEqualTo(name);
                        assertThat(event.getInvolvedObject().getKind())
                            .isEqualTo("CustomPodAutoscaler");
                        assertThat(event.getReason()).isEqualTo("DeletedGoOperatorPod");
                        assertThat(event.getMessage()).contains("Pod " + name);
                      });
            });
    assertThat(admin.pods().inNamespace(namespace).list().getItems())
        .extracting(pod -> pod.getMetadata().getName())
        .containsExactlyInAnyOrder(name + "-7d4b9c-x2x9q", name + "-mine");
  }

  /** Waits for an event with {@code reason} on CPA {@code name}; returns it. */
  static Event awaitEvent(KubernetesClient admin, String namespace, String name, String reason) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                admin.v1().events().inNamespace(namespace).list().getItems().stream()
                    .filter(event -> event.getInvolvedObject().getName().equals(name))
                    .filter(
                        event -> event.getInvolvedObject().getKind().equals("CustomPodAutoscaler"))
                    .filter(event -> reason.equals(event.getReason()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Annotates CPA {@code name} anew, which reconciles it: a merge patch without a resource version,
   * as {@code kubectl annotate} sends, so the operator's status writes cannot make it conflict.
   */
  static void touch(KubernetesClient admin, String namespace, String name) {
    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            admin
                .getKubernetesSerialization()
                .asJson(
                    Map.of(
                        "metadata",
                        Map.of(
                            "annotations",
                            Map.of("cpa-tests/touched", String.valueOf(System.nanoTime()))))));
  }

  static CustomPodAutoscaler awaitReady(KubernetesClient admin, String namespace, String name) {
    return awaitCondition(admin, namespace, name, "Ready", "True");
  }

  /**
   * Waits until the CPA's status has condition {@code type} with {@code status}; returns the CPA.
   */
  static CustomPodAutoscaler awaitCondition(
      KubernetesClient admin, String namespace, String name, String type, String status) {
    return CpaConditions.awaitCondition(
        admin, namespace, name, Duration.ofSeconds(30), CpaConditions.withStatus(type, status));
  }

  /**
   * Sets the paused-replicas annotation of CPA {@code name} to {@code value}, or removes it, with a
   * merge patch as {@code kubectl annotate} sends: no resource version, so the operator's status
   * writes cannot make it conflict.
   */
  static void setPause(KubernetesClient admin, String namespace, String name, String value) {
    Map<String, String> annotations = new HashMap<>();
    annotations.put(PauseRequest.ANNOTATION, value);
    admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            admin
                .getKubernetesSerialization()
                .asJson(Map.of("metadata", Map.of("annotations", annotations))));
  }

  static int replicas(KubernetesClient admin, String namespace, String deployment) {
    return Workloads.deploymentReplicas(admin, namespace, deployment);
  }

  /** A user's Role {@code name}, which may read ConfigMaps and is no CPA's. */
  static Role configMapReader(String name) {
    return new RoleBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addNewRule()
        .withApiGroups("")
        .withResources("configmaps")
        .withVerbs("get")
        .endRule()
        .build();
  }

  /** A client that acts as ServiceAccount {@code name} of {@code namespace}, by impersonation. */
  static KubernetesClient clientAs(String namespace, String name) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.fromKubeconfig(SharedKubeApiServer.kubeconfigYaml()))
                .withImpersonateUsername(ServiceAccounts.user(namespace, name))
                .withImpersonateGroups(ServiceAccounts.groups(namespace))
                .build())
        .build();
  }

  /** Whether the API server lets ServiceAccount {@code name} of {@code namespace} do that. */
  static boolean serviceAccountMay(
      KubernetesClient admin, String namespace, String name, ResourceAttributes attributes) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(ServiceAccounts.user(namespace, name))
            .withGroups(ServiceAccounts.groups(namespace))
            .withResourceAttributes(attributes)
            .endSpec()
            .build();
    return admin.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }

  /** A request's attributes for a SubjectAccessReview; empty strings for "none". */
  static ResourceAttributes access(
      String namespace,
      String group,
      String resource,
      String subresource,
      String verb,
      String name) {
    return new ResourceAttributesBuilder()
        .withNamespace(namespace)
        .withGroup(group)
        .withResource(resource)
        .withSubresource(subresource)
        .withVerb(verb)
        .withName(name)
        .build();
  }

  /**
   * Pauses CPA {@code name} at {@code replicas} and checks the autoscaler stops, its target {@code
   * target} is held and status says so; then resumes it and checks the autoscaler runs again.
   */
  static void pauseThenResume(
      KubernetesClient admin, String namespace, String name, String target, int replicas) {
    setPause(admin, namespace, name, String.valueOf(replicas));
    CustomPodAutoscaler paused = awaitCondition(admin, namespace, name, "Paused", "True");
    assertThat(CpaConditions.condition(paused, "Paused").getMessage())
        .contains("held at " + replicas + " replicas");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(replicas(admin, namespace, name)).isZero();
              assertThat(replicas(admin, namespace, target)).isEqualTo(replicas);
            });

    setPause(admin, namespace, name, null);
    awaitCondition(admin, namespace, name, "Paused", "False");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(replicas(admin, namespace, name)).isOne());
  }
}
