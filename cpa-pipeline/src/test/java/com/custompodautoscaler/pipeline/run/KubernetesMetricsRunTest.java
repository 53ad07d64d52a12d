package com.custompodautoscaler.pipeline.run;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.custompodautoscaler.api.wire.kubernetes.PodMetricSample;
import com.custompodautoscaler.api.wire.kubernetes.PodSet;
import com.custompodautoscaler.api.wire.kubernetes.ResourceMetricValues;
import com.custompodautoscaler.api.wire.kubernetes.SingleMetricValue;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.run.KubernetesMetricsSource.Gathered;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes metrics of a run reach the metric stage and its hooks, never evaluation, and their
 * failures fail the run only when they are required, with CPA v2's messages.
 */
class KubernetesMetricsRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPECS =
      "kubernetesMetricSpecs:\n"
          + "- {type: Resource, resource: {name: cpu, target: {type: Utilization,"
          + " averageUtilization: 50}}}\n"
          + "- {type: External, external: {metric: {name: queue}, target: {type: Value, value:"
          + " 5}}}\n";
  private static final KubernetesMetric CPU =
      KubernetesMetric.resource(
          3,
          3,
          spec(
              "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":"
                  + "{\"type\":\"Utilization\",\"averageUtilization\":50}}}"),
          new ResourceMetricValues(
              samples(Map.of("web-1", 150L, "web-2", 250L)),
              Map.of("web-1", 200L, "web-2", 200L, "web-3", 200L),
              2,
              PodSet.of(List.of("web-3")),
              PodSet.of(List.of()),
              3,
              "2026-01-01T11:59:30Z"));

  @Test
  void theMetricStageAndItsHooksGetTheMetricsAndEvaluationDoesNot() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withPods("web-1", "web-2")
            .withKubernetesMetrics(new Gathered(List.of(CPU), List.of()));
    ScriptedUserLogic logic = logic();

    RunReport report = run("runMode: per-pod\n" + SPECS, cluster, logic);

    assertThat(report.succeeded()).isTrue();
    String metrics = JSON.writeValueAsString(List.of(CPU));
    for (Stage stage : List.of(Stage.PRE_METRIC, Stage.METRIC, Stage.POST_METRIC)) {
      assertThat(logic.documentsFor(stage))
          .as("every %s document", stage)
          .isNotEmpty()
          .allSatisfy(
              document -> assertThat(document).endsWith(",\"kubernetesMetrics\":" + metrics + "}"));
    }
    assertThat(logic.documentsFor(Stage.METRIC)).as("each pod's call").hasSize(2);
    assertThat(logic.documentsFor(Stage.EVALUATE))
        .singleElement()
        .asString()
        .doesNotContain("kubernetesMetrics");
  }

  @Test
  void notRequiredAPartialFailureLeavesTheGatheredOnesAndTheRunGoesOn() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(
                new Gathered(
                    List.of(CPU),
                    List.of(MetricFailure.failed("failed to get external metric: no adapter"))));
    ScriptedUserLogic logic = logic();

    RunReport report = run("runMode: per-resource\n" + SPECS, cluster, logic);

    assertThat(report.succeeded()).isTrue();
    assertThat(logic.documentsFor(Stage.METRIC).get(0))
        .contains("\"kubernetesMetrics\":[{")
        .endsWith(
            "}],\"kubernetesMetricFailures\":[\"failed to get external metric: no adapter\"]}");
    assertThat(report.kubernetesMetricFailures())
        .containsExactly(MetricFailure.failed("failed to get external metric: no adapter"));
  }

  @Test
  void notRequiredATotalFailureLeavesKubernetesMetricsOutAndSaysWhy() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(
                new Gathered(
                    List.of(),
                    List.of(
                        MetricFailure.failed("failed to get resource metric: a"),
                        MetricFailure.failed("b"))));
    ScriptedUserLogic logic = logic();

    RunReport report = run("runMode: per-resource\n" + SPECS, cluster, logic);

    assertThat(report.succeeded()).isTrue();
    String failures = "\"kubernetesMetricFailures\":[\"failed to get resource metric: a\",\"b\"]";
    assertThat(logic.documentsFor(Stage.METRIC))
        .containsExactly(
            "{\"resource\":"
                + cluster.target().json()
                + ",\"runType\":\"scaler\","
                + failures
                + "}");
    for (Stage hook : List.of(Stage.PRE_METRIC, Stage.POST_METRIC)) {
      assertThat(logic.documentsFor(hook)).singleElement().asString().endsWith(failures + "}");
    }
  }

  @Test
  void requiredAPartialFailureFailsTheRunNamingTheCounts() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(
                new Gathered(
                    List.of(CPU),
                    List.of(MetricFailure.failed("failed to get external metric: no adapter"))));

    RunReport report =
        run("runMode: per-resource\nrequireKubernetesMetrics: true\n" + SPECS, cluster, logic());

    assertThat(report.failure().orElseThrow().getMessage())
        .isEqualTo(
            "failed to get metrics: failed to get some (1/2) required Kubernetes metrics: gatherer multi metric error:"
                + " 1 errors, first error is failed to get external metric: no adapter");
    assertThat(cluster.replicaWrites()).isEmpty();
  }

  @Test
  void requiredATotalFailureFailsTheRun() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(
                new Gathered(
                    List.of(),
                    List.of(MetricFailure.failed("first"), MetricFailure.failed("second"))));

    RunReport report =
        run("runMode: per-resource\nrequireKubernetesMetrics: true\n" + SPECS, cluster, logic());

    assertThat(report.failure().orElseThrow().getMessage())
        .isEqualTo(
            "failed to get metrics: failed to get all required Kubernetes metrics: gatherer"
                + " multi metric error: 2"
                + " errors, first error is first");
    assertThat(report.kubernetesMetricFailures())
        .as("for the CPA's condition and events")
        .containsExactly(MetricFailure.failed("first"), MetricFailure.failed("second"));
  }

  @Test
  void aMetricMethodThatFailsAfterAGatheringFailureLeavesThatFailureInTheReport() throws Exception {
    MetricFailure notServed =
        new MetricFailure(
            "failed to get resource metric: 404 page not found; the resource metrics API"
                + " (metrics.k8s.io) is not served by this cluster: install metrics-server",
            MetricFailure.Kind.METRICS_API_NOT_SERVED);
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(new Gathered(List.of(), List.of(notServed)));
    ScriptedUserLogic logic =
        logic().failing(Stage.METRIC, "the autoscaler could not gather any metric");

    RunReport report = run("runMode: per-resource\n" + SPECS, cluster, logic);

    assertThat(report.failure().orElseThrow().getMessage())
        .isEqualTo(
            "failed to get metrics: failed to gather metrics: the autoscaler could not gather any"
                + " metric");
    assertThat(report.kubernetesMetricsGathered()).isTrue();
    assertThat(report.kubernetesMetricFailures()).containsExactly(notServed);
  }

  @Test
  void withoutSpecsNothingIsGathered() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(
                new Gathered(List.of(), List.of(MetricFailure.failed("must not be asked"))));

    RunReport report =
        run("runMode: per-resource\nrequireKubernetesMetrics: true\n", cluster, logic());

    assertThat(report.succeeded()).isTrue();
  }

  @Test
  void metricLogicWrittenForCpaV2ReadsTheDocument() throws Exception {
    FakeCluster cluster =
        new FakeCluster("web", 3)
            .withKubernetesMetrics(new Gathered(List.of(CPU, external()), List.of()));
    ScriptedUserLogic logic = logic();
    run("runMode: per-resource\n" + SPECS, cluster, logic);

    String output = python(logic.documentsFor(Stage.METRIC).get(0));

    assertThat(output.strip())
        .isEqualTo(
            "{\"ignored\": [\"web-3\"], \"missing\": [], \"ready\": 2, \"replicas\": 3,"
                + " \"target\": 50, \"utilization\": 100}");
  }

  private static RunReport run(String yaml, FakeCluster cluster, ScriptedUserLogic logic)
      throws InterruptedException {
    try (Autoscaler autoscaler =
        new Autoscaler(
            config(yaml), cluster, cluster, cluster, logic, Clock.systemUTC(), report -> {})) {
      return autoscaler.run(RunType.SCALER, RunGoal.SCALE);
    }
  }

  private static ScriptedUserLogic logic() {
    ScriptedUserLogic logic = new ScriptedUserLogic();
    for (Stage stage : Stage.values()) {
      logic.answering(stage, "");
    }
    return logic.answering(Stage.METRIC, "m").answering(Stage.EVALUATE, "{\"targetReplicas\":3}");
  }

  /** Runs the CPA v2 style script with {@code document} on stdin, as the shell method would. */
  private static String python(String document) throws Exception {
    Path script = Path.of("src/test/resources/kubernetes-metrics/cpa_v2_metric.py");
    Process python =
        new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
    try (OutputStream stdin = python.getOutputStream()) {
      stdin.write(document.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
    assertThat(Files.isRegularFile(script)).isTrue();
    return output;
  }

  private static KubernetesMetric external() {
    return KubernetesMetric.external(
        3,
        3,
        spec(
            "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"queue\"},"
                + "\"target\":{\"type\":\"Value\",\"value\":\"5\"}}}"),
        new SingleMetricValue(
            new SingleMetricValue.Current(7000L, null), 3, "2026-01-01T11:59:30Z"));
  }

  private static MetricSpec spec(String json) {
    try {
      return JSON.readValue(json, MetricSpec.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, PodMetricSample> samples(Map<String, Long> values) {
    Map<String, PodMetricSample> samples = new LinkedHashMap<>();
    new TreeMap<>(values)
        .forEach(
            (pod, value) ->
                samples.put(
                    pod, new PodMetricSample("2026-01-01T11:59:30Z", 30_000_000_000L, value)));
    return samples;
  }
}
