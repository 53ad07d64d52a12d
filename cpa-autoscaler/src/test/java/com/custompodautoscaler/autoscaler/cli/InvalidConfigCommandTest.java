package com.custompodautoscaler.autoscaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A configuration with a wrong value deep inside comes out of {@code validate} and {@code run} as
 * the one keyed report and exit code 1, with no stack trace.
 */
class InvalidConfigCommandTest {

  private static final String REQUIRED =
      "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
          + "metric: {type: shell, shell: {entrypoint: /bin/true}}\n"
          + "evaluate: {type: shell, shell: {entrypoint: /bin/true}}\n";

  record Case(String command, String name, String config, String line) {
    @Override
    public String toString() {
      return command + ": " + name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of("validate", "run")
        .flatMap(
            command ->
                Stream.of(
                    new Case(
                        command,
                        "matchLabels written as a string",
                        "kubernetesMetricSpecs:\n"
                            + "- type: Pods\n"
                            + "  pods:\n"
                            + "    metric: {name: qps, selector: {matchLabels: bad}}\n"
                            + "    target: {type: AverageValue, averageValue: 10}\n",
                        "error   kubernetesMetricSpecs[0].pods.metric.selector.matchLabels:"
                            + " expected an object of strings, got a string (\"bad\")"),
                    new Case(
                        command,
                        "a selector written as a string",
                        "kubernetesMetricSpecs:\n"
                            + "- type: External\n"
                            + "  external:\n"
                            + "    metric: {name: queue, selector: 'queue=orders'}\n"
                            + "    target: {type: Value, value: 30}\n",
                        "error   kubernetesMetricSpecs[0].external.metric.selector: expected an"
                            + " object, got a string (\"queue=orders\")"),
                    new Case(
                        command,
                        "a list where an HTTP header belongs",
                        "preScale: {type: http, http: {url: 'http://h/', parameterMode: body,"
                            + " headers: {X-A: [1]}}}\n",
                        "error   preScale.http.headers.X-A: expected a string, got a list")));
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheKeyAndExitsOneWithoutAStackTrace(Case c) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, REQUIRED + c.config());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new AutoscalerCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exitCode = cli.execute(c.command(), "--config", file.toString());

    assertThat(exitCode).isEqualTo(ExitCodes.INVALID_CONFIG);
    assertThat(err.toString())
        .contains("is invalid (1 error)")
        .contains(c.line())
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }
}
