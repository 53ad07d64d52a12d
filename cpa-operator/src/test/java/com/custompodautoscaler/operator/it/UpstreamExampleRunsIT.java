package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.pipeline.testing.Kubectl;
import com.custompodautoscaler.pipeline.testing.LoopbackServer;
import com.custompodautoscaler.pipeline.testing.MetricsServerCluster;
import com.custompodautoscaler.pipeline.testing.Workloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each upstream-shaped example's user logic, unchanged, run by the autoscaler jar against a real
 * kube-apiserver, with the environment our operator injects (its {@code interval} entry shortened,
 * as a CPA's {@code spec.config} would shorten it): the target ends where the example's own logic
 * says it should. A bare API server runs no controllers, so the tests create the pods per-pod
 * examples read and stand in for the app those pods would run.
 */
class UpstreamExampleRunsIT {

  /**
   * For the per-pod examples, whose logic moves one replica a run: a config entry that caps them at
   * 4 replicas rather than 10, so that a climb and a descent take a few runs.
   */
  private static final Map<String, String> FEWER_STEPS = Map.of("maxReplicas", "4");

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static UpstreamExampleRunner runner;
  private static KubernetesClient admin;
  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    UpstreamExampleRunner.requirePython();
    runner = UpstreamExampleRunner.onSharedApiServer(shared);
    admin = runner.admin();
    Path rollouts = UpstreamExample.named("argo-rollouts").file("rollout-crd.yaml");
    Kubectl.run(runner.kubeconfig(), "apply", "-f", rollouts.toString());
    Kubectl.run(
        runner.kubeconfig(),
        "wait",
        "--for",
        "condition=established",
        "--timeout=30s",
        "crd/rollouts.argoproj.io");
  }

  @AfterAll
  static void tearDown() {
    runner.close();
  }

  /** The examples whose metric is their target's numPods label, with what they make of it. */
  static Stream<Arguments> labelExamples() {
    return Stream.of(
        // The getting-started example asks for twice the label: 3 gives 6, then 4 gives 8.
        Arguments.of("python-custom-autoscaler", "deployment.yaml", 6, "4", 8),
        // minReplicas 0: from 3 replicas to 0, then back from 0.
        Arguments.of("zero-scaler", "deployment.yaml", 0, "2", 2),
        // A Rollout, through its scale subresource.
        Arguments.of("argo-rollouts", "rollout.yaml", 5, "3", 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelExamples")
  void followsTheNumPodsLabelAndFailsARunWithoutIt(
      String name, String targetFile, int replicasFirst, String relabelled, int replicasThen)
      throws Exception {
    UpstreamExample example = UpstreamExample.named(name);
    String namespace = runner.deploy("runs", example, example.file(targetFile));
    ScaleTargetReference ref = runner.cpa(example, namespace).getSpec().getScaleTargetRef();
    Resource<GenericKubernetesResource> target =
        admin
            .genericKubernetesResources(ref.getApiVersion(), ref.getKind())
            .inNamespace(namespace)
            .withName(ref.getName());
    IntSupplier replicas = () -> ((Number) target.get().get("spec", "replicas")).intValue();

    try (AutoscalerProcess autoscaler = runner.start(dir, example, namespace, Map.of(), Map.of())) {
      awaitReplicas(replicas, replicasFirst, autoscaler);
      setLabels(target, Map.of("numPods", relabelled));
      awaitReplicas(replicas, replicasThen, autoscaler);

      setLabels(target, Map.of("app", "unlabelled"));
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  autoscaler
                      .logs()
                      .contains(
                          "exit status 1; stderr: the managed resource has no numPods label"));
      assertThat(replicas.getAsInt()).as("a failed run scales nothing").isEqualTo(replicasThen);
    }
  }

  @Test
  void postScaleHookWritesTheScaleDocumentWhereTheImagesRootWouldBe() throws Exception {
    UpstreamExample example = UpstreamExample.named("post-scale-hook");
    String namespace = runner.deploy("runs", example, example.file("deployment.yaml"));
    Path written = dir.resolve("image").resolve("post_scale_data.json");

    try (AutoscalerProcess autoscaler = runner.start(dir, example, namespace, Map.of(), Map.of())) {
      awaitReplicas(deploymentReplicas(namespace, "hello-kubernetes"), 3, autoscaler);

      JsonNode scale =
          await()
              .atMost(PATIENCE)
              .ignoreExceptions()
              .until(
                  () -> JSON.readTree(written.toFile()),
                  document -> document.path("evaluation").path("targetReplicas").asInt() == 3);
      List<String> keys = new ArrayList<>();
      scale.fieldNames().forEachRemaining(keys::add);
      assertThat(String.join(" ", keys))
          .as("CPA v2's keys in its order, and currentReplicas, which this autoscaler adds")
          .isEqualTo(
              "evaluation resource scaleTargetRef namespace minReplicas maxReplicas"
                  + " targetReplicas currentReplicas runType");
      assertThat(scale.path("targetReplicas").asInt()).isEqualTo(3);
      assertThat(scale.path("scaleTargetRef").toString())
          .isEqualTo(
              "{\"kind\":\"Deployment\",\"name\":\"hello-kubernetes\",\"apiVersion\":\"apps/v1\"}");
      assertThat(scale.path("namespace").asText()).isEqualTo(namespace);
      assertThat(scale.path("minReplicas").asInt()).isEqualTo(1);
      assertThat(scale.path("maxReplicas").asInt()).isEqualTo(10);
      assertThat(scale.path("runType").asText()).isEqualTo("scaler");
      assertThat(scale.path("resource").path("metadata").path("name").asText())
          .isEqualTo("hello-kubernetes");
    }
  }

  @Test
  void httpRequestScalesToTheNumberItsMetricRequestAnswers() throws Exception {
    UpstreamExample example = UpstreamExample.named("http-request");
    String namespace = runner.deploy("runs", example, example.file("deployment.yaml"));
    IntSupplier replicas = deploymentReplicas(namespace, "hello-kubernetes");
    AtomicReference<String> answer = new AtomicReference<>("4\n");
    AtomicReference<String> query = new AtomicReference<>("");

    // The service answers as a plain-text integer service does: the number and a line break.
    try (LoopbackServer service =
            LoopbackServer.http(
                exchange -> {
                  query.set(exchange.getRequestURI().getRawQuery());
                  LoopbackServer.respond(exchange, 200, answer.get());
                });
        AutoscalerProcess autoscaler =
            runner.start(
                dir,
                example,
                namespace,
                Map.of(),
                Map.of("https://integers.example.org", service.url().toString()))) {
      awaitReplicas(replicas, 4, autoscaler);
      assertThat(query.get())
          .as("the URL's own query, then the document")
          .startsWith("count=1&lowest=1&highest=5&layout=column&radix=10&format=plain&value=");

      answer.set("0\n");
      awaitReplicas(replicas, 0, autoscaler);
    }
  }

  @Test
  void simplePodMetricsPythonAddsAReplicaWhileNoPodHasRoomAndRemovesOneWhileMuchIsFree()
      throws Exception {
    UpstreamExample example = UpstreamExample.named("simple-pod-metrics-python");
    String namespace =
        runner.deploy("runs", example, UpstreamExample.shared("flask-metric/deployment.yaml"));
    IntSupplier replicas = deploymentReplicas(namespace, "flask-metric");

    try (FlaskMetricStandIn app =
            FlaskMetricStandIn.on(runner.runPods(namespace, "flask-metric", 2));
        AutoscalerProcess autoscaler =
            runner.start(dir, example, namespace, FEWER_STEPS, Map.of())) {
      app.setValue(FlaskMetricStandIn.MAX);
      awaitReplicas(replicas, 4, autoscaler);

      // Both pods report 5 available, 10 together: more than 5, so one replica fewer a run.
      app.setValue(0);
      awaitReplicas(replicas, 1, autoscaler);
    }
  }

  @Test
  void downscaleStabilizationHoldsTheHighestReplicasOfItsWindow() throws Exception {
    UpstreamExample example = UpstreamExample.named("downscale-stabilization");
    String namespace =
        runner.deploy("runs", example, UpstreamExample.shared("flask-metric/deployment.yaml"));
    IntSupplier replicas = deploymentReplicas(namespace, "flask-metric");
    Duration window = Duration.ofSeconds(4);

    // The example's 60 s window, shortened through its config entry as the interval is.
    try (FlaskMetricStandIn app =
            FlaskMetricStandIn.on(runner.runPods(namespace, "flask-metric", 2));
        AutoscalerProcess autoscaler =
            runner.start(
                dir,
                example,
                namespace,
                Map.of(
                    "downscaleStabilization",
                    String.valueOf(window.toSeconds()),
                    "maxReplicas",
                    FEWER_STEPS.get("maxReplicas")),
                Map.of())) {
      app.setValue(FlaskMetricStandIn.MAX);
      awaitReplicas(replicas, 4, autoscaler);

      // Both pods now have all their room free: the logic asks for 3, the window holds 4 until the
      // last recommendation of 4 is older than the window.
      app.setValue(0);
      awaitReplicas(replicas, 3, autoscaler);
      assertThat(autoscaler.logs())
          .contains("current=4 evaluated=3 decided=4 reason=downscale_stabilized");
    }
  }

  @Test
  void k8sMetricsCpuStepsTowardsAnAverageOf50MillicoresAPod() throws Exception {
    UpstreamExample example = UpstreamExample.named("k8s-metrics-cpu");
    String namespace = runner.deploy("runs", example);
    // Its Service names namespace "default", so the file goes where its README applies it.
    Kubectl.run(runner.kubeconfig(), "apply", "-f", example.file("deployment.yaml").toString());
    ImageRoot root = UpstreamExampleRunner.imageRoot(dir, example, Map.of());
    Map<String, String> env =
        UpstreamExampleRunner.runEnvironment(
            InjectedEnvironment.goOperator(runner.cpa(example, namespace)), Map.of(), root);

    // A bare API server serves no metrics API, so this run's cluster is the metrics-server
    // stand-in, with a Deployment named and sized as deployment.yaml's. It serves no
    // CustomPodAutoscalers either, so the autoscaler gets the Go operator's environment, which
    // names no CPA to report to.
    try (MetricsServerCluster cluster = new MetricsServerCluster(namespace, "php-apache", 1);
        AutoscalerProcess autoscaler =
            AutoscalerProcess.start(dir, root.config(), cluster.writeKubeconfig(dir), env)
                .awaitReady()) {
      // 200m in all: the average per replica is above 50m up to 3 replicas (66m), not at 4 (50m).
      cluster.useCpu(200);
      awaitReplicas(cluster::replicas, 4, autoscaler);

      cluster.useCpu(0);
      awaitReplicas(cluster::replicas, 1, autoscaler);
    }
  }

  private static IntSupplier deploymentReplicas(String namespace, String name) {
    return () -> Workloads.deploymentReplicas(admin, namespace, name);
  }

  private static void setLabels(
      Resource<GenericKubernetesResource> target, Map<String, String> labels) {
    target.edit(
        object -> {
          object.getMetadata().setLabels(labels);
          return object;
        });
  }

  private static void awaitReplicas(IntSupplier replicas, int expected, AutoscalerProcess process) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(replicas.getAsInt()).as(process.logs()).isEqualTo(expected));
  }
}
