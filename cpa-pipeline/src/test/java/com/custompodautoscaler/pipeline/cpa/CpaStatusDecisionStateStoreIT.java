package com.custompodautoscaler.pipeline.cpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import com.custompodautoscaler.core.decision.ReplicaDecision;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesConnection;
import com.custompodautoscaler.pipeline.run.RunReports;
import com.custompodautoscaler.pipeline.testing.DecisionStateStoreContract;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision state in a CustomPodAutoscaler's status, on a real kube-apiserver with the CRD
 * installed: the store contract, and what keeping it beside the rest of the status asks for.
 */
class CpaStatusDecisionStateStoreIT extends DecisionStateStoreContract {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final TargetRef TARGET = new TargetRef("apps/v1", "Deployment", "web");
  private static final AtomicInteger CPAS = new AtomicInteger();
  private static KubernetesClient admin;
  private static KubernetesClient client;
  private static String namespace;

  @BeforeAll
  static void connect() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    Workloads.installDefinition(admin, ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml"));
    namespace = SharedKubeApiServer.freshNamespace(admin, "state");
    client = KubernetesConnection.fromKubeconfig(SharedKubeApiServer.kubeconfigYaml());
  }

  @AfterAll
  static void disconnect() {
    client.close();
    admin.close();
  }

  @Override
  protected DecisionStateStore newStore() {
    return CpaConnection.connect(client, namespace, newCpa()).decisionStateStore();
  }

  @Test
  void aStoreConnectedAfterARestartLoadsWhatTheLastOneSaved() {
    String name = newCpa();
    DecisionState saved = window(5, 3);

    CpaConnection.connect(client, namespace, name).decisionStateStore().save(saved);

    assertThat(CpaConnection.connect(client, namespace, name).decisionStateStore().load())
        .isEqualTo(saved);
  }

  @Test
  void savingKeepsTheReportedStatusAndTheOperatorsFields() {
    String name = newCpa();
    operatorWritesObservedGeneration(name, 4L);
    CpaConnection cpa = CpaConnection.connect(client, namespace, name);
    cpa.reporter(TARGET, Clock.fixed(NOW, ZoneOffset.UTC))
        .finished(
            RunReports.decided(
                2, 6, new ReplicaDecision(6, DecisionReason.AS_EVALUATED, window(6))));

    cpa.decisionStateStore().save(window(6, 1));
    cpa.reporter(TARGET, Clock.fixed(NOW, ZoneOffset.UTC))
        .finished(
            RunReports.decided(
                6, 6, new ReplicaDecision(6, DecisionReason.AS_EVALUATED, window(6, 1))));

    CustomPodAutoscalerStatus status = read(name).getStatus();
    assertThat(status.getObservedGeneration()).as("the operator's").isEqualTo(4L);
    assertThat(status.getDesiredReplicas()).as("the report's").isEqualTo(6);
    assertThat(status.getLastRun().getOutcome()).as("the report's").isEqualTo("success");
    assertThat(DecisionStateCodec.decode(status)).isEqualTo(window(6, 1));
  }

  @Test
  void theStateARunSavesIsWrittenWithItsReportInOneRequest() {
    String name = newCpa();
    CpaConnection cpa = CpaConnection.connect(client, namespace, name);
    CpaReporter reporter = cpa.reporter(TARGET, Clock.fixed(NOW, ZoneOffset.UTC));
    List<String> writes = new CopyOnWriteArrayList<>();
    try (Watch watch =
        admin
            .resources(CustomPodAutoscaler.class)
            .inNamespace(namespace)
            .withName(name)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, CustomPodAutoscaler changed) {
                    if (action == Action.MODIFIED) {
                      writes.add(changed.getMetadata().getResourceVersion());
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      cpa.decisionStateStore().save(window(3));
      reporter.finished(
          RunReports.decided(3, 3, new ReplicaDecision(3, DecisionReason.AS_EVALUATED, window(3))));
      // The watch sends changes in order: once this one arrives, so have the run's.
      operatorWritesObservedGeneration(name, 9L);
      await().atMost(Duration.ofSeconds(10)).until(() -> writes.size() >= 2);
    }

    assertThat(writes).as("the run's one write, then the operator's").hasSize(2);
    assertThat(DecisionStateCodec.decode(read(name).getStatus())).isEqualTo(window(3));
  }

  @Test
  void aReportKeepsTheStateTheStoreSaved() {
    String name = newCpa();
    CpaConnection cpa = CpaConnection.connect(client, namespace, name);
    cpa.decisionStateStore().save(window(3));

    cpa.reporter(TARGET, Clock.fixed(NOW, ZoneOffset.UTC))
        .finished(
            RunReports.decided(
                3, 3, new ReplicaDecision(3, DecisionReason.AS_EVALUATED, window(9, 9))));

    assertThat(DecisionStateCodec.decode(read(name).getStatus())).isEqualTo(window(3));
  }

  @Test
  void withoutItsCustomPodAutoscalerNothingIsKeptAndNothingFails() {
    DecisionStateStore store =
        CpaConnection.connect(client, namespace, "never-created").decisionStateStore();

    store.save(window(4));

    assertThat(store.load()).isEqualTo(DecisionState.empty());
  }

  /** Creates a CustomPodAutoscaler with a name of its own and no status; returns its name. */
  private static String newCpa() {
    String name = "cpa-" + CPAS.incrementAndGet();
    admin
        .resource(
            CustomPodAutoscaler.of(
                name, new ScaleTargetReference("apps/v1", "Deployment", "web"), "autoscaler:1"))
        .inNamespace(namespace)
        .create();
    return name;
  }

  /** Writes {@code observedGeneration} as the operator does, under its own field manager. */
  private static void operatorWritesObservedGeneration(String name, long generation) {
    CustomPodAutoscaler patch = new CustomPodAutoscaler();
    patch.getMetadata().setName(name);
    patch.getMetadata().setNamespace(namespace);
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();
    status.setObservedGeneration(generation);
    patch.setStatus(status);
    admin
        .resource(patch)
        .subresource("status")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager("cpa-operator")
                .withForce(true)
                .build());
  }

  private static CustomPodAutoscaler read(String name) {
    return admin.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(name).get();
  }

  /** Recommendations of {@code replicas}, a second apart up to {@link #NOW}. */
  private static DecisionState window(int... replicas) {
    List<Recommendation> recommendations =
        IntStream.range(0, replicas.length)
            .mapToObj(
                i -> new Recommendation(NOW.minusSeconds(replicas.length - 1 - i), replicas[i]))
            .toList();
    return DecisionState.empty().withRecommendations(new RecommendationHistory(recommendations));
  }
}
