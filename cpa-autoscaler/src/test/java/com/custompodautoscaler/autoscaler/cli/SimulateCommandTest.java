package com.custompodautoscaler.autoscaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class SimulateCommandTest {

  private static final Path CASES = Path.of("src/test/resources/simulate");
  private static final String CONFIG =
      "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
          + "metric: {type: shell, shell: {entrypoint: ./metric.sh}}\n"
          + "evaluate: {type: shell, shell: {entrypoint: ./evaluate.sh}}\n"
          + "maxReplicas: 10\n";

  @TempDir Path dir;

  static Stream<Path> goldenCases() throws IOException {
    try (Stream<Path> cases = Files.list(CASES)) {
      return cases.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void printsTheGoldenOutput(Path golden) throws Exception {
    Result result =
        simulate(golden.resolve("config.yaml"), golden.resolve("input.jsonl").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(Files.readString(golden.resolve("expected.jsonl")));
  }

  static Stream<Path> exampleSeries() throws IOException {
    try (Stream<Path> examples = Files.list(ProjectFiles.resolve("examples"))) {
      return examples
          .filter(example -> Files.isRegularFile(example.resolve("series.jsonl")))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleSeries")
  void anExamplesSeriesPrintsWhatItsReadmeShows(Path example) throws Exception {
    Result result =
        simulate(example.resolve("config.yaml"), example.resolve("series.jsonl").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(Files.readString(example.resolve("series.expected.jsonl")));
  }

  @Test
  void theSameInputAlwaysPrintsTheSameOutput() throws Exception {
    Path golden = CASES.resolve("default-behavior");
    String input = golden.resolve("input.jsonl").toString();

    String first = simulate(golden.resolve("config.yaml"), input).out();
    String second = simulate(golden.resolve("config.yaml"), input).out();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void blankLinesAreSkipped() throws Exception {
    Result result =
        simulateLines(
            "{\"time\": 0, \"currentReplicas\": 2, \"evaluation\": 3}",
            "",
            "   ",
            "{\"time\": 15, \"currentReplicas\": 3, \"evaluation\": 3}");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(2);
  }

  @Test
  void aBadLineStopsTheSimulationNamingTheFileAndLine() throws Exception {
    Result result =
        simulateLines(
            "{\"time\": 0, \"currentReplicas\": 2, \"evaluation\": 3}",
            "{\"time\": 15, \"currentReplicas\": 3, \"evaluation\": \"many\"}",
            "{\"time\": 30, \"currentReplicas\": 3, \"evaluation\": 3}");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out().lines()).as("the lines before were printed").hasSize(1);
    assertThat(result.err())
        .contains("input.jsonl line 2: \"evaluation\" must be a whole number from 0 up");
  }

  @Test
  void namesEveryKindOfBadLine() throws Exception {
    assertThat(firstError("not json")).contains("line 1: not a JSON object");
    assertThat(firstError("[1, 2]")).contains("line 1: not a JSON object");
    assertThat(firstError("{\"currentReplicas\": 1, \"evaluation\": 1}"))
        .contains("line 1: \"time\" must be a number of seconds from the start, got null");
    assertThat(firstError("{\"time\": -1, \"currentReplicas\": 1, \"evaluation\": 1}"))
        .contains("line 1: \"time\" must be from 0");
    assertThat(firstError("{\"time\": 0, \"currentReplicas\": -1, \"evaluation\": 1}"))
        .contains("line 1: \"currentReplicas\" must be a whole number from 0 up, got -1");
    assertThat(firstError("{\"time\": 0, \"currentReplicas\": 1.5, \"evaluation\": 1}"))
        .contains("\"currentReplicas\" must be a whole number from 0 up, got 1.5");
    assertThat(
            firstError(
                "{\"time\": 30, \"currentReplicas\": 1, \"evaluation\": 1}",
                "{\"time\": 15, \"currentReplicas\": 1, \"evaluation\": 1}"))
        .contains("line 2: \"time\" 15 is earlier than the line before");
  }

  @Test
  void aMissingInputFileIsAClearError() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), CONFIG);

    Result result = simulate(config, dir.resolve("nowhere.jsonl").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("cannot read").contains("nowhere.jsonl");
  }

  @Test
  void anInvalidConfigurationIsReportedAsForRun() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("config.yaml"), CONFIG + "downscaleStabilization: 30\nbehavior: {}\n");
    Path input = Files.writeString(dir.resolve("input.jsonl"), "");

    Result result = simulate(config, input.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
    assertThat(result.err()).contains("behavior").contains("not both");
  }

  /**
   * Logic for load simulations: the metric stage adds up the CPU of the ready pods, the evaluate
   * stage asks for a pod per core of it, and for {@code extraPods} more, a config entry.
   */
  public static final class PodPerCore implements InProcessUserLogic {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int extraPods;

    public PodPerCore(Map<String, String> variables) {
      this.extraPods = Integer.parseInt(variables.getOrDefault("extraPods", "0"));
    }

    @Override
    public String call(String stage, String document) throws IOException {
      JsonNode input = JSON.readTree(document);
      if (stage.equals("metric")) {
        long millicores = 0;
        for (JsonNode pod : input.at("/kubernetesMetrics/0/resource/pod_metrics_info")) {
          millicores += pod.get("Value").asLong();
        }
        return String.valueOf(millicores);
      }
      long millicores = input.at("/metrics/0/value").asLong();
      return "{\"targetReplicas\": " + ((millicores + 999) / 1000 + extraPods) + "}";
    }
  }

  private static final String LOAD_CONFIG =
      "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
          + "runMode: per-resource\n"
          + "interval: 10000\n"
          + "maxReplicas: 10\n"
          + "kubernetesMetricSpecs:\n"
          + "  - {type: Resource, resource: {name: cpu, target: {type: Utilization,"
          + " averageUtilization: 100}}}\n"
          + "metric: {type: java, java: {className: "
          + PodPerCore.class.getName()
          + "}}\n"
          + "evaluate: {type: java, java: {className: "
          + PodPerCore.class.getName()
          + "}}\n";

  /** One core, three cores from 20 s to 60 s, then one again, until 100 s. */
  private static final List<String> LOAD =
      List.of(
          "{\"time\": 0, \"cpu\": 1000}",
          "{\"time\": 20, \"cpu\": 3000}",
          "{\"time\": 60, \"cpu\": 1000}",
          "{\"time\": 100, \"cpu\": 1000}");

  @Test
  void aLoadRunsTheWholeAutoscalerOnVirtualTimeAndAddsUpWhatItCost() throws Exception {
    Result result = simulateLoad(LOAD_CONFIG, LOAD, "--pod-startup", "30");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(11);
    assertThat(lines.get(2))
        .as("the load rises: two pods more, which start")
        .isEqualTo(
            "{\"time\":20,\"cpu\":3000,\"currentReplicas\":1,\"evaluation\":3,"
                + "\"targetReplicas\":3,\"reason\":\"as_evaluated\",\"readyReplicas\":1}");
    assertThat(lines.get(5)).as("ready 30 s later").contains("\"readyReplicas\":3");
    assertThat(lines.get(6))
        .as("the load falls")
        .contains("\"cpu\":1000,\"currentReplicas\":3,\"evaluation\":1,\"targetReplicas\":1");
    // pods: 20 s of 1, 40 s of 3, 40 s of 1; two of the three needed are not ready for 30 s
    assertThat(lines.get(10))
        .isEqualTo(
            "{\"summary\":{\"from\":0,\"to\":100,\"runs\":10,\"podSeconds\":180,"
                + "\"neededPodSeconds\":180,\"underProvisionedPodSeconds\":60}}");
  }

  @Test
  void costsCanBeCountedFromALaterTimeAndConfigEntriesReachTheLogic() throws Exception {
    Path entry = Files.writeString(dir.resolve("extra.txt"), "1");

    Result result =
        simulateLoad(
            LOAD_CONFIG,
            LOAD,
            "--pod-startup",
            "30",
            "--count-from",
            "30",
            "--config-entry",
            "extraPods=@" + entry);

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0))
        .as("one pod more than the load needs")
        .contains("\"targetReplicas\":2");
    // from 30 s: 30 s of 4 pods (3 ready from 50 s), 40 s of 2; needed 3 then 1
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "{\"summary\":{\"from\":30,\"to\":100,\"runs\":7,\"podSeconds\":200,"
                + "\"neededPodSeconds\":130,\"underProvisionedPodSeconds\":20}}");
  }

  @Test
  void aLoadNeedsTheCpuOfThePodsAsTheOnlyKubernetesMetric() throws Exception {
    Result result =
        simulateLoad(LOAD_CONFIG.replace("name: cpu", "name: memory"), LOAD, "--pod-startup", "30");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
    assertThat(result.err()).contains("kubernetesMetricSpecs[0] is not a Resource cpu metric");
  }

  @Test
  void aLoadLineIsCheckedAsAnEvaluationLineIs() throws Exception {
    Result result =
        simulateLoad(LOAD_CONFIG, List.of("{\"time\": 0, \"cpu\": -5}"), "--pod-startup", "30");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err())
        .contains("load.jsonl line 1: \"cpu\" must be a whole number from 0 up");
  }

  @Test
  void aLoadNeedsALastLineThatEndsItAndCostsCountedBeforeItEnds() throws Exception {
    assertThat(simulateLoad(LOAD_CONFIG, LOAD.subList(0, 1)).err())
        .contains("load.jsonl line 1: a load needs two lines at least");
    assertThat(simulateLoad(LOAD_CONFIG, LOAD, "--count-from", "100").err())
        .contains("the series ends at 100 s, before the costs are counted from (--count-from 100)");
  }

  @Test
  void theLoadOptionsAreForALoadAndInRange() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), CONFIG);
    Path input = Files.writeString(dir.resolve("input.jsonl"), "");

    Result withInput =
        run(
            "simulate",
            "--config",
            config.toString(),
            "--input",
            input.toString(),
            "--pod-cpu",
            "5");
    Result negative = simulateLoad(LOAD_CONFIG, LOAD, "--pod-startup", "-1");

    assertThat(withInput.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(withInput.err())
        .contains("--pod-cpu, --pod-startup and --count-from are for --load");
    assertThat(negative.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(negative.err()).contains("--pod-startup must be from 0 to 8589934592, got -1");
  }

  private Result simulateLoad(String config, List<String> load, String... options)
      throws IOException {
    Path configFile = Files.writeString(dir.resolve("config.yaml"), config);
    Path loadFile = Files.write(dir.resolve("load.jsonl"), load);
    List<String> args =
        new ArrayList<>(
            List.of("simulate", "--config", configFile.toString(), "--load", loadFile.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private String firstError(String... lines) throws Exception {
    Result result = simulateLines(lines);
    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    return result.err();
  }

  private Result simulateLines(String... lines) throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), CONFIG);
    Path input = Files.write(dir.resolve("input.jsonl"), List.of(lines));
    return simulate(config, input.toString());
  }

  private static Result simulate(Path config, String input) {
    return run("simulate", "--config", config.toString(), "--input", input);
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new AutoscalerCli())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}
}
