package com.custompodautoscaler.pipeline.kubernetes;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.RunGoal;
import com.custompodautoscaler.pipeline.run.RunReport;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults a real API server will not produce on demand, injected with fabric8's mock server:
 * transient errors are retried inside the run, a conflict on the scale patch re-reads and retries.
 */
class KubernetesFaultsIT {

  private static final String NAMESPACE = "faults";
  private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/faults/deployments/web";
  private static final String SCALE = DEPLOYMENT + "/scale";
  private static final TargetRef WEB = new TargetRef("apps/v1", "Deployment", "web");
  private static final String DISCOVERY =
      "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\",\"resources\":["
          + "{\"name\":\"deployments\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"Deployment\",\"verbs\":[\"get\"]},"
          + "{\"name\":\"deployments/scale\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"Scale\",\"verbs\":[\"get\",\"patch\"]}]}";
  private static final String STATUS_500 =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"etcd is sulking\",\"code\":500}";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private KubernetesTargetClient targets;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = KubernetesConnection.connect(server.createClient().getConfiguration());
    targets = new KubernetesTargetClient(client);
    server.expect().get().withPath("/apis/apps/v1").andReturn(200, DISCOVERY).always();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void aServerErrorIsRetriedInsideTheCall() {
    server.expect().get().withPath(SCALE).andReturn(500, STATUS_500).times(2);
    server.expect().get().withPath(SCALE).andReturn(200, scale(3)).once();

    assertThat(targets.readScale(WEB, NAMESPACE).replicas()).isEqualTo(3);
  }

  @Test
  void tooManyRequestsIsRetriedToo() {
    server
        .expect()
        .get()
        .withPath(SCALE)
        .andReturn(429, "{\"kind\":\"Status\",\"code\":429,\"message\":\"slow down\"}")
        .once();
    server.expect().get().withPath(SCALE).andReturn(200, scale(4)).once();

    assertThat(targets.readScale(WEB, NAMESPACE).replicas()).isEqualTo(4);
  }

  @Test
  void aPersistentServerErrorFailsAfterTheRetriesWithTheServersMessage() throws Exception {
    server.expect().get().withPath(SCALE).andReturn(500, STATUS_500).always();

    assertThatThrownBy(() -> targets.readScale(WEB, NAMESPACE))
        .isInstanceOf(KubernetesAccessException.class)
        .hasMessage("GET " + SCALE + ": 500 etcd is sulking");
    assertThat(requestsTo(SCALE)).as("one call and four retries").hasSize(5);
  }

  @Test
  void aConflictOnThePatchReReadsTheScaleAndPatchesAgain() throws Exception {
    server.expect().get().withPath(DEPLOYMENT).andReturn(200, deployment()).always();
    server.expect().get().withPath(SCALE).andReturn(200, scale(2)).always();
    server
        .expect()
        .patch()
        .withPath(SCALE)
        .andReturn(409, "{\"kind\":\"Status\",\"code\":409,\"message\":\"conflict\"}")
        .once();
    server.expect().patch().withPath(SCALE).andReturn(200, scale(6)).once();
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":6}");

    AutoscalerConfig config =
        config("runMode: per-resource\n", java.util.Map.of("namespace", NAMESPACE));
    RunReport report;
    try (Autoscaler autoscaler =
        new Autoscaler(
            config,
            targets,
            targets,
            KubernetesMetricsGatherer.of(client, config, Clock.systemUTC()),
            logic,
            Clock.systemUTC(),
            done -> {})) {
      report = autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    }

    assertThat(report.failure()).isEmpty();
    List<RecordedRequest> patches =
        requestsTo(SCALE).stream().filter(r -> r.getMethod().equals("PATCH")).toList();
    assertThat(patches).hasSize(2);
    assertThat(patches.get(1).getHeader("Content-Type")).startsWith("application/json-patch+json");
    assertThat(patches.get(1).getBody().readUtf8())
        .isEqualTo("[{\"op\":\"add\",\"path\":\"/spec/replicas\",\"value\":6}]");
  }

  private List<RecordedRequest> requestsTo(String path) throws InterruptedException {
    List<RecordedRequest> matching = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      if (request.getPath().equals(path)) {
        matching.add(request);
      }
    }
    return matching;
  }

  private static String scale(int replicas) {
    return "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":\"web\"},"
        + "\"spec\":{\"replicas\":"
        + replicas
        + "},\"status\":{\"replicas\":"
        + replicas
        + ",\"selector\":\"app=web\"}}";
  }

  private static String deployment() {
    return "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"web\",\"namespace\":\"faults\"},"
        + "\"spec\":{\"replicas\":2}}";
  }
}
