package com.custompodautoscaler.hpa;

import static com.custompodautoscaler.hpa.HpaSituations.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cpa-hpa metric} then {@code evaluate}, as the shell method calls them, fed the situations
 * of the upstream HPA's replica calculator tests; each must give upstream's replica count.
 */
class HpaCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Situation(String name, HpaSituations documents, Map<String, String> env, int replicas) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Situation> upstreamSituations() {
    return Stream.of(
        situation(
            "scale up on CPU utilization",
            target(3).cpuUtilization(30, List.of(300L, 500L, 700L), 1000, List.of(), List.of()),
            5),
        situation(
            "scale up with an unready pod scales less",
            target(3).cpuUtilization(30, List.of(500L, 700L), 1000, List.of("pod-u"), List.of()),
            4),
        situation(
            "scale up that unready pods would reverse does not happen",
            target(3)
                .cpuUtilization(30, List.of(400L), 1000, List.of("pod-u1", "pod-u2"), List.of()),
            3),
        situation(
            "scale down on CPU utilization",
            target(5)
                .cpuUtilization(
                    50, List.of(100L, 300L, 500L, 250L, 250L), 1000, List.of(), List.of()),
            3),
        situation(
            "usage within the tolerance keeps the count",
            target(3).cpuUtilization(100, List.of(1010L, 1030L, 1020L), 1000, List.of(), List.of()),
            3),
        situation(
            "a missing pod at the target keeps the count",
            target(2).cpuUtilization(100, List.of(1000L), 1000, List.of(), List.of("pod-m")),
            2),
        situation(
            "a missing pod counts as idle on a scale up",
            target(4)
                .cpuUtilization(100, List.of(900L, 900L, 900L), 500, List.of(), List.of("pod-m")),
            6),
        situation(
            "a missing pod counts as fully used on a scale down",
            target(4)
                .cpuUtilization(50, List.of(100L, 100L, 100L), 1000, List.of(), List.of("pod-m")),
            3),
        situation(
            "scale up on a pods metric",
            target(3).podsAverage("qps", "15", List.of(20_000L, 10_000L, 30_000L), List.of()),
            4),
        situation("scale up on an object metric value", target(3).objectValue("15", 20_000, 3), 4),
        situation(
            "scale up on an external metric value", target(1).externalValue("4400m", 8_600, 1), 2),
        situation(
            "scale from zero on an external metric value, with no pods",
            target(0).externalValue("10", 30_000, 0),
            3),
        situation(
            "scale up on an external metric average value",
            target(3).externalAverage("2150m", 8_600),
            4),
        situation(
            "scale down on an external metric average value",
            target(5).externalAverage("3", 8_600),
            3),
        situation(
            "an external average value on target keeps the status replicas, not the spec's",
            target(4, 2).externalAverage("1", 2_000),
            2),
        situation(
            "the highest proposal over several metrics wins",
            target(3)
                .cpuUtilization(30, List.of(300L, 500L, 700L), 1000, List.of(), List.of())
                .podsAverage("qps", "15", List.of(20_000L, 10_000L, 30_000L), List.of()),
            5),
        situation(
            "a failed metric does not stop a scale up another metric asks for",
            target(3)
                .cpuUtilization(30, List.of(300L, 500L, 700L), 1000, List.of(), List.of())
                .podsAverage("qps", "15", List.of(), List.of("pod-0", "pod-1", "pod-2")),
            5),
        new Situation(
            "a wider tolerance keeps the count",
            target(3).podsAverage("qps", "15", List.of(20_000L, 10_000L, 30_000L), List.of()),
            Map.of("tolerance", "0.5"),
            3),
        new Situation(
            "a scale-up tolerance applies to scaling up only",
            target(3).podsAverage("qps", "15", List.of(20_000L, 10_000L, 30_000L), List.of()),
            Map.of("scaleUpTolerance", "0.4", "scaleDownTolerance", "0"),
            3),
        new Situation(
            "a scale-down tolerance applies to scaling down only",
            target(5)
                .cpuUtilization(
                    50, List.of(100L, 300L, 500L, 250L, 250L), 1000, List.of(), List.of()),
            Map.of("scaleUpTolerance", "0", "scaleDownTolerance", "0.5"),
            5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamSituations")
  void metricThenEvaluateGiveUpstreamsReplicas(Situation situation) throws Exception {
    Result metric = run("metric", situation.documents().metricInput(), situation.env());
    assertThat(metric.status()).as(metric.err()).isZero();

    Result evaluate = run("evaluate", HpaSituations.evaluateInput(metric.out()), situation.env());

    assertThat(evaluate.status()).as(evaluate.err()).isZero();
    assertThat(JSON.readTree(evaluate.out()).path("targetReplicas").asInt())
        .as("metric stage output %s", metric.out())
        .isEqualTo(situation.replicas());
  }

  @Test
  void theMetricStageNamesEachMetricWithItsProposalAndCurrentValue() throws Exception {
    Result metric =
        run(
            "metric",
            target(3)
                .cpuUtilization(30, List.of(300L, 500L, 700L), 1000, List.of(), List.of())
                .podsAverage("qps", "15", List.of(), List.of("pod-0"))
                .metricInput(),
            Map.of());

    JsonNode output = JSON.readTree(metric.out());
    assertThat(output.path("specReplicas").asInt()).isEqualTo(3);
    assertThat(output.path("metrics").get(0).toString())
        .isEqualTo("{\"metric\":\"resource cpu\",\"replicas\":5,\"current\":50}");
    assertThat(output.path("metrics").get(1).path("metric").asText()).isEqualTo("pods metric qps");
    assertThat(output.path("metrics").get(1).path("error").asText()).isNotBlank();
  }

  @Test
  void theExamplesMetricInputGivesTheOutputItsReadmeShows() throws Exception {
    Path example = ProjectFiles.resolve("examples/horizontal-pod-autoscaler");

    Result metric = run("metric", Files.readString(example.resolve("metric-input.json")), Map.of());

    assertThat(metric.status()).as(metric.err()).isZero();
    assertThat(metric.out().strip())
        .isEqualTo(Files.readString(example.resolve("metric-output.json")).strip());
  }

  @Test
  void aFailedMetricBlocksAScaleDownAsUpstreamDoes() throws Exception {
    Result metric =
        run(
            "metric",
            target(5)
                .cpuUtilization(
                    50, List.of(100L, 300L, 500L, 250L, 250L), 1000, List.of(), List.of())
                .podsAverage("qps", "15", List.of(), List.of("pod-0"))
                .metricInput(),
            Map.of());

    Result evaluate = run("evaluate", HpaSituations.evaluateInput(metric.out()), Map.of());

    assertThat(evaluate.status()).isEqualTo(1);
    assertThat(evaluate.err())
        .startsWith("invalid metrics (1 invalid out of 2), first error is: pods metric qps");
  }

  @Test
  void badInputIsAClearErrorWithExitStatusOne() {
    Result noMetrics = run("metric", "{\"resource\":{},\"runType\":\"scaler\"}", Map.of());
    Result notJson = run("evaluate", "metrics", Map.of());
    Result badOption =
        run(
            "metric",
            target(1).externalValue("1", 1_000, 1).metricInput(),
            Map.of("tolerance", "lots"));

    assertThat(noMetrics.status()).isEqualTo(1);
    assertThat(noMetrics.err()).contains("the metric input has no kubernetesMetrics");
    assertThat(notJson.status()).isEqualTo(1);
    assertThat(notJson.err()).contains("the evaluate input is not JSON");
    assertThat(badOption.status()).isEqualTo(1);
    assertThat(badOption.err())
        .contains(
            "environment variable tolerance must be a number from 0, such as 0.1; got 'lots'");
  }

  @Test
  void theGoHpasMetricsEntryIsNamedWithWhatToWriteInstead() {
    Result result =
        run(
            "metric",
            "{\"resource\":{},\"runType\":\"scaler\"}",
            Map.of("metrics", "- type: Resource\n  resource: {name: cpu}"));

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err())
        .contains("the environment holds a `metrics` entry")
        .contains("name that config entry kubernetesMetricSpecs (same value)")
        .contains("cpa-horizontal-pod-autoscaler image");
  }

  @Test
  void anUnknownStageIsAUsageError() {
    Result result = run("preScale", "{}", Map.of());

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).startsWith("usage: java -jar cpa-hpa.jar metric|evaluate");
  }

  private static Situation situation(String name, HpaSituations documents, int replicas) {
    return new Situation(name, documents, Map.of(), replicas);
  }

  private static Result run(String stage, String stdin, Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        HpaCli.run(
            new String[] {stage},
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Result(int status, String out, String err) {}
}
