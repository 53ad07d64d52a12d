package com.custompodautoscaler.pipeline.kubernetes;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full run by an identity that holds only the permissions of {@code
 * deploy/rbac/autoscaler-rbac.yaml}, on a real API server that enforces RBAC.
 */
class LeastPrivilegeIT {

  private static final Path DOCUMENTED_RBAC =
      Path.of("..", "deploy", "rbac", "autoscaler-rbac.yaml");

  private static KubernetesClient admin;
  private static String namespace;

  @BeforeAll
  static void createTheTarget() {
    admin = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(admin, "rbac");
    admin.resource(Workloads.deployment("web", 2)).inNamespace(namespace).create();
    admin
        .resource(Workloads.pod("web-1", Map.of("app", "web"), Map.of()))
        .inNamespace(namespace)
        .create();
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  @Test
  void theDocumentedPermissionsAreEnoughForAFullPerPodRun() throws Exception {
    grantTheDocumentedPermissions();

    RunReport report = fullRunAs("web-autoscaler", "");

    assertThat(report.failure()).isEmpty();
    assertThat(report.metrics().orElseThrow().list()).hasSize(1);
    assertThat(
            admin
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
  }

  @Test
  void aMetricItsRoleDoesNotGrantIsNamedWithTheRuleToAddAndTheRunGoesOn() throws Exception {
    grantTheDocumentedPermissions();

    RunReport report =
        fullRunAs(
            "web-autoscaler",
            "kubernetesMetricSpecs:\n"
                + "- type: External\n"
                + "  external:\n"
                + "    metric: {name: queue_depth}\n"
                + "    target: {type: AverageValue, averageValue: 10}\n");

    assertThat(report.failure()).isEmpty();
    assertThat(report.kubernetesMetricFailures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.kind()).isEqualTo(MetricFailure.Kind.FORBIDDEN);
              assertThat(failure.message())
                  .contains(
                      "cannot list resource \"queue_depth\" in API group"
                          + " \"external.metrics.k8s.io\"")
                  .endsWith(
                      "the autoscaler's Role lacks list on queue_depth.external.metrics.k8s.io:"
                          + " add {apiGroups: [\"external.metrics.k8s.io\"], resources:"
                          + " [\"queue_depth\"], verbs: [\"list\"]} to the"
                          + " CustomPodAutoscaler's spec.roleRules");
            });
  }

  @Test
  void anIdentityWithoutThemIsRefused() throws Exception {
    RunReport report = fullRunAs("nobody", "");

    assertThat(report.failure().orElseThrow().getMessage())
        .startsWith(
            "failed to get managed resource: GET /apis/apps/v1/namespaces/"
                + namespace
                + "/deployments/web: 403");
  }

  private static void grantTheDocumentedPermissions() throws IOException {
    try (InputStream manifest = Files.newInputStream(DOCUMENTED_RBAC)) {
      List<HasMetadata> objects = admin.load(manifest).items();
      objects.forEach(
          object ->
              admin.resource(object).inNamespace(namespace).createOr(NonDeletingOperation::update));
    }
  }

  private RunReport fullRunAs(String serviceAccount, String extraYaml) throws InterruptedException {
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "1")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":4}");
    // Not closed: it shares the admin's HTTP client.
    KubernetesClient client = ServiceAccounts.impersonating(admin, namespace, serviceAccount);
    KubernetesTargetClient kubernetes = new KubernetesTargetClient(client);
    AutoscalerConfig config = config(extraYaml, Map.of("namespace", namespace));
    try (Autoscaler autoscaler =
        new Autoscaler(
            config,
            kubernetes,
            kubernetes,
            KubernetesMetricsGatherer.of(client, config, Clock.systemUTC()),
            logic,
            Clock.systemUTC(),
            report -> {})) {
      return autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    }
  }
}
