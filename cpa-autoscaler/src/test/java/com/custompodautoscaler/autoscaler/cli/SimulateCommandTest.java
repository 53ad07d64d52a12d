package com.custompodautoscaler.autoscaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new AutoscalerCli())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    int exitCode = cli.execute("simulate", "--config", config.toString(), "--input", input);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}
}
