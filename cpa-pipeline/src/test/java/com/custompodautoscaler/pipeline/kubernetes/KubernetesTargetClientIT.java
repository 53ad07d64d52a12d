package com.custompodautoscaler.pipeline.kubernetes;

import static com.custompodautoscaler.pipeline.testing.Workloads.deployment;
import static com.custompodautoscaler.pipeline.testing.Workloads.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kubernetes adapter against a real kube-apiserver. */
class KubernetesTargetClientIT {

  private static KubernetesClient admin;
  private static String namespace;
  private static KubernetesTargetClient targets;

  @BeforeAll
  static void connect() {
    admin = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(admin, "adapter");
    Workloads.installWidgetDefinition(admin);
    targets =
        new KubernetesTargetClient(
            KubernetesConnection.fromKubeconfig(SharedKubeApiServer.kubeconfigYaml()));
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  record Kind(
      String name,
      String apiVersion,
      String kind,
      BiFunction<String, Integer, HasMetadata> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Kind> scalableKinds() {
    return Stream.of(
        new Kind(
            "Deployment", "apps/v1", "Deployment", (name, replicas) -> deployment(name, replicas)),
        new Kind("StatefulSet", "apps/v1", "StatefulSet", Workloads::statefulSet),
        new Kind("ReplicaSet", "apps/v1", "ReplicaSet", Workloads::replicaSet),
        new Kind(
            "ReplicationController",
            "v1",
            "ReplicationController",
            Workloads::replicationController),
        new Kind(
            "a custom resource with a scale subresource",
            Workloads.WIDGET_API_VERSION,
            "Widget",
            Workloads::widget));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalableKinds")
  void readsAndSetsTheScaleOf(Kind kind) throws Exception {
    String name = kind.kind().toLowerCase() + "-scaled";
    admin.resource(kind.create().apply(name, 2)).inNamespace(namespace).create();
    TargetRef target = new TargetRef(kind.apiVersion(), kind.kind(), name);

    ScaleState before = targets.readScale(target, namespace);
    targets.setReplicas(target, namespace, 5);
    ScaleState after = targets.readScale(target, namespace);
    KubernetesObject object = targets.readTarget(target, namespace);

    assertThat(before.replicas()).isEqualTo(2);
    assertThat(before.selector()).isEqualTo("app=" + name);
    assertThat(after.replicas()).isEqualTo(5);
    JsonNode json = new ObjectMapper().readTree(object.json());
    assertThat(object.name()).isEqualTo(name);
    assertThat(json.path("kind").asText()).isEqualTo(kind.kind());
    assertThat(json.path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(List.of(json.fieldNames().next())).containsExactly("apiVersion");
  }

  @Test
  void scalesFromZeroWhenTheScaleHasNoReplicasField() {
    admin.resource(Workloads.widget("from-zero", 0)).inNamespace(namespace).create();
    TargetRef target = new TargetRef(Workloads.WIDGET_API_VERSION, "Widget", "from-zero");

    targets.setReplicas(target, namespace, 3);

    assertThat(targets.readScale(target, namespace).replicas()).isEqualTo(3);
  }

  @Test
  void listsThePodsOfASetBasedSelectorOnly() {
    admin
        .resource(
            deployment(
                "sets",
                1,
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of("app", "sets"))
                    .addNewMatchExpression()
                    .withKey("tier")
                    .withOperator("In")
                    .withValues("web", "api")
                    .endMatchExpression()
                    .build(),
                Map.of("app", "sets", "tier", "web")))
        .inNamespace(namespace)
        .create();
    admin
        .resource(pod("sets-web", Map.of("app", "sets", "tier", "web"), Map.of()))
        .inNamespace(namespace)
        .create();
    admin
        .resource(pod("sets-api", Map.of("app", "sets", "tier", "api"), Map.of()))
        .inNamespace(namespace)
        .create();
    admin
        .resource(pod("sets-db", Map.of("app", "sets", "tier", "db"), Map.of()))
        .inNamespace(namespace)
        .create();
    admin
        .resource(pod("other", Map.of("app", "other", "tier", "web"), Map.of()))
        .inNamespace(namespace)
        .create();
    TargetRef target = new TargetRef("apps/v1", "Deployment", "sets");

    ScaleState scale = targets.readScale(target, namespace);
    List<KubernetesObject> pods = targets.listPods(namespace, scale.selector());

    assertThat(scale.selector()).isEqualTo("app=sets,tier in (api,web)");
    assertThat(pods)
        .extracting(KubernetesObject::name)
        .containsExactlyInAnyOrder("sets-web", "sets-api");
    assertThat(pods.get(0).json()).contains("\"phase\":\"Pending\"");
  }

  @Test
  void matchesTheKindIgnoringCase() {
    admin.resource(deployment("cased", 1)).inNamespace(namespace).create();

    assertThat(
            targets
                .readScale(new TargetRef("apps/v1", "deployment", "cased"), namespace)
                .replicas())
        .isEqualTo(1);
    assertThat(
            targets
                .readScale(new TargetRef("apps/v1", "DEPLOYMENT", "cased"), namespace)
                .replicas())
        .isEqualTo(1);
  }

  @Test
  void namesAnUnknownKindAndWhatTheVersionServes() {
    assertThatThrownBy(
            () -> targets.readScale(new TargetRef("apps/v1", "Deploymnt", "x"), namespace))
        .isInstanceOf(KubernetesAccessException.class)
        .hasMessageStartingWith(
            "no matches for kind \"Deploymnt\" in version \"apps/v1\" (it serves ")
        .hasMessageContaining("Deployment");
    assertThatThrownBy(
            () -> targets.readScale(new TargetRef("apps/v9", "Deployment", "x"), namespace))
        .hasMessage(
            "no matches for kind \"Deployment\" in version \"apps/v9\" (the API server serves no such version)");
  }

  @Test
  void refusesAKindWithoutAScaleSubresource() {
    assertThatThrownBy(() -> targets.readScale(new TargetRef("v1", "ConfigMap", "x"), namespace))
        .hasMessage("kind ConfigMap in v1 has no scale subresource, so its replicas cannot be set");
  }

  @Test
  void aMissingTargetIsANotFoundError() {
    assertThatThrownBy(
            () -> targets.readTarget(new TargetRef("apps/v1", "Deployment", "missing"), namespace))
        .isInstanceOf(KubernetesAccessException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("\"missing\" not found")
        .satisfies(e -> assertThat(((KubernetesAccessException) e).status()).hasValue(404));
  }
}
