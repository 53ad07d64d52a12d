package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.operator.deploy.OperatorChart;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two operator processes, as the chart runs them with two replicas in namespace mode, each acting
 * as the chart's ServiceAccount: one leads, the other stands by and takes over when the leader
 * stops, and a leader that loses its lease exits.
 */
class LeaderElectionIT {

  private static final String RELEASE = "team-operator";

  @TempDir Path dir;

  @Test
  void oneReplicaLeadsAndTheOtherTakesOverWhenItStops() throws Exception {
    try (KubernetesClient admin = SharedKubeApiServer.adminClient()) {
      OperatorTestSupport.installCrd(admin);
      String home = SharedKubeApiServer.freshNamespace(admin, "operator");
      String watched = SharedKubeApiServer.freshNamespace(admin, "team");
      install(admin, home, watched);
      Files.writeString(
          dir.resolve(OperatorProcess.KUBECONFIG),
          OperatorAccount.kubeconfigActingAs(home, RELEASE));
      Map<String, String> env =
          Map.of(
              "WATCH_NAMESPACE", watched,
              "LEADER_ELECTION", "true",
              "LEADER_ELECTION_NAMESPACE", home);

      try (OperatorProcess first = start("first", env).awaitLive()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(leader(admin, home)).isEqualTo("first"));
        try (OperatorProcess second = start("second", env).awaitLive()) {
          admin.resource(Workloads.deployment("web", 2)).inNamespace(watched).create();
          admin
              .resource(OperatorTestSupport.cpa("led-by-first", Map.of()))
              .inNamespace(watched)
              .create();
          OperatorTestSupport.awaitReady(admin, watched, "led-by-first");
          assertThat(second.get("/readyz").statusCode())
              .as("a standby is ready to take over: %s", second.logs())
              .isEqualTo(200);
          assertThat(leader(admin, home)).isEqualTo("first");

          assertThat(first.terminate()).as("the leader stops cleanly: %s", first.logs()).isZero();

          await()
              .atMost(Duration.ofSeconds(40))
              .untilAsserted(() -> assertThat(leader(admin, home)).isEqualTo("second"));
          admin
              .resource(OperatorTestSupport.cpa("led-by-second", Map.of()))
              .inNamespace(watched)
              .create();
          OperatorTestSupport.awaitReady(admin, watched, "led-by-second");

          takeLease(admin, home);
          assertThat(second.awaitExit())
              .as("a leader that loses its lease exits, to start again as a standby")
              .isOne();
          assertThat(second.logs()).contains("lost the leader-election lease");
        }
      }
    }
  }

  /** Applies the chart as Helm would install it: namespace mode, two replicas. */
  private static void install(KubernetesClient admin, String home, String watched)
      throws Exception {
    String rendered =
        OperatorChart.render(
            RELEASE,
            home,
            Map.of("mode", "namespace", "watchNamespaces", List.of(watched), "replicas", 2));
    for (HasMetadata object : OperatorChart.objects(rendered)) {
      admin.resource(object).fieldManager("cpa-tests").serverSideApply();
    }
  }

  private OperatorProcess start(String name, Map<String, String> env) throws Exception {
    Map<String, String> environment = new HashMap<>(env);
    environment.put("HOSTNAME", name);
    return OperatorProcess.start(dir, name, environment);
  }

  /** Another holder takes the lease, as after a network partition. */
  private static void takeLease(KubernetesClient admin, String home) {
    admin
        .resources(Lease.class)
        .inNamespace(home)
        .withName("cpa-operator")
        .edit(
            lease -> {
              lease.getSpec().setHolderIdentity("another-replica");
              lease.getSpec().setLeaseDurationSeconds(300);
              lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
              return lease;
            });
  }

  private static String leader(KubernetesClient admin, String home) {
    Lease lease = admin.resources(Lease.class).inNamespace(home).withName("cpa-operator").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
