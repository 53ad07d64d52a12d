package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built playground jar as a user runs it: it shows scaling, and Ctrl-C stops it cleanly: no
 * error printed, nothing left behind.
 */
class PlaygroundProcessIT {

  private static final Pattern SCALED = Pattern.compile("scaled (\\d+) -> (\\d+)");

  /**
   * Runs a command as a terminal runs a foreground job: in a process group of its own, which Ctrl-C
   * signals as a whole, with SIGINT not ignored (as it is in a background job).
   */
  private static final String FOREGROUND_JOB =
      "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setpgid(0, 0);"
          + " os.execvp(sys.argv[1], sys.argv[1:])";

  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Set<ProcessHandle> seenDescendants = new HashSet<>();
  private Process playground;

  @AfterEach
  void killLeftovers() {
    if (playground != null) {
      playground.descendants().forEach(ProcessHandle::destroyForcibly);
      playground.destroyForcibly();
    }
  }

  @Test
  void theDefaultExampleScalesUpAndDownAndStopsCleanly() throws Exception {
    start();

    awaitOutput(Duration.ofSeconds(120), () -> scaleUps() >= 1 && scaleDowns() >= 1);
    int status = stop();

    assertThat(status).as("exit status after Ctrl-C").isZero();
    assertThat(output).anyMatch(line -> line.contains("Example getting-started"));
    assertStoppedCleanly();
  }

  @Test
  void runsTheNamedExample() throws Exception {
    start("--example", "per-pod");

    awaitOutput(Duration.ofSeconds(90), () -> scaleUps() >= 1);
    assertThat(stop()).isZero();

    assertThat(output).anyMatch(line -> line.contains("Example per-pod"));
    assertStoppedCleanly();
  }

  @Test
  void comparesTheHpaExampleWithTheRealHpaStepByStep() throws Exception {
    start("--example", "horizontal-pod-autoscaler", "--compare-hpa");

    awaitOutput(
        Duration.ofSeconds(120),
        () -> output.stream().anyMatch(line -> line.contains("after this step:")));
    assertThat(stop()).isZero();

    assertThat(output)
        .anyMatch(line -> line.contains("real HPA: scaled 1 -> 5"))
        .anyMatch(line -> line.contains("scaled 1 -> 5"))
        .anyMatch(line -> line.contains("after this step: HPA as a CPA 8, real HPA 8"));
    assertStoppedCleanly();
  }

  @Test
  void scaleOnTweetFollowsTheCannedPostsUpAndDownWithItsOwnStandIn() throws Exception {
    start("--example", "scale-on-tweet");

    awaitOutput(Duration.ofSeconds(120), () -> scaleUps() >= 2 && scaleDowns() >= 1);
    assertThat(seenDescendants)
        .as("the X API stand-in ran as one of the playground's processes")
        .anyMatch(
            process ->
                process
                    .info()
                    .commandLine()
                    .map(line -> line.contains("standin.py"))
                    .orElse(false));
    assertThat(stop()).isZero();

    assertThat(output).anyMatch(line -> line.contains("scaled 1 -> 6"));
    assertThat(output).anyMatch(line -> line.contains("scaled 6 -> 10"));
    assertThat(output).anyMatch(line -> line.contains("scaled 10 -> 1"));
    assertStoppedCleanly();
  }

  @Test
  void runsYourOwnConfigAgainstASampleDeployment(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("mine.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "runMode: per-resource",
            "interval: 1000",
            "metric: {type: shell, shell: {entrypoint: /bin/sh, command: [-c, 'echo 4']}}",
            "evaluate: {type: shell, shell: {entrypoint: python3, command: [evaluate.py]}}",
            ""));
    Files.writeString(
        dir.resolve("evaluate.py"),
        "import json, sys\n"
            + "value = json.loads(sys.stdin.read())['metrics'][0]['value']\n"
            + "print(json.dumps({'targetReplicas': int(value)}))\n");

    start("--config", config.toString());

    awaitOutput(
        Duration.ofSeconds(90),
        () -> output.stream().anyMatch(line -> line.contains("scaled 1 -> 4")));
    assertThat(stop()).isZero();
    assertThat(output).anyMatch(line -> line.contains("sample Deployment 'sample'"));
    assertStoppedCleanly();
  }

  @Test
  void listsTheExamples() throws Exception {
    start("--list");

    assertThat(playground.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(playground.exitValue()).isZero();
    awaitOutput(Duration.ofSeconds(5), () -> output.size() >= 2);
    assertThat(output)
        .anyMatch(line -> line.startsWith("getting-started "))
        .anyMatch(line -> line.startsWith("per-pod "));
  }

  /**
   * Starts the jar as the README's script does, from a terminal: from the repository root, by a
   * relative path, as a foreground job.
   */
  private void start(String... args) throws IOException {
    Path root = jar().toAbsolutePath().getParent().getParent().getParent();
    Path relativeJar = root.relativize(jar().toAbsolutePath());
    List<String> command =
        new ArrayList<>(
            List.of("python3", "-c", FOREGROUND_JOB, java(), "-jar", relativeJar.toString()));
    command.addAll(List.of(args));
    playground =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(playground.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  output.add(line);
                }
              } catch (IOException e) {
                // The process ended.
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  private void awaitOutput(Duration patience, java.util.concurrent.Callable<Boolean> condition) {
    await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(250))
        .failFast(
            "the playground exited:\n" + String.join("\n", output),
            () -> !playground.isAlive() && !condition.call())
        .until(
            () -> {
              playground.descendants().forEach(seenDescendants::add);
              return condition.call();
            });
  }

  /** Presses Ctrl-C: SIGINT to the playground's process group. Returns the exit status. */
  private int stop() throws Exception {
    playground.descendants().forEach(seenDescendants::add);
    Process ctrlC =
        new ProcessBuilder("/bin/sh", "-c", "kill -INT -" + playground.pid())
            .redirectErrorStream(true)
            .start();
    assertThat(ctrlC.waitFor()).as("kill -INT of the process group").isZero();
    assertThat(playground.waitFor(60, TimeUnit.SECONDS)).as("the playground stops").isTrue();
    return playground.exitValue();
  }

  /**
   * The playground printed no error, nor a warning or failure while it stopped, and left nothing.
   */
  private void assertStoppedCleanly() {
    List<String> printed = List.copyOf(output);
    int stopping = printed.indexOf("Stopping the playground...");
    assertThat(stopping).as("the playground said it stops").isNotNegative();
    assertThat(printed)
        .as("what the playground printed")
        .noneMatch(line -> line.contains(" ERROR "));
    assertThat(printed.subList(stopping, printed.size()))
        .as("what the playground printed while it stopped")
        .noneMatch(
            line -> line.contains(" WARN ") || line.contains("Exception") || line.contains("fail"));
    assertThat(seenDescendants)
        .as("the control plane and the autoscaler were among the playground's processes")
        .hasSizeGreaterThanOrEqualTo(3);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(seenDescendants).noneMatch(ProcessHandle::isAlive));
  }

  private long scaleUps() {
    return output.stream()
        .map(SCALED::matcher)
        .filter(Matcher::find)
        .filter(m -> Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1)))
        .count();
  }

  private long scaleDowns() {
    return output.stream()
        .map(SCALED::matcher)
        .filter(Matcher::find)
        .filter(m -> Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)))
        .count();
  }

  private static Path jar() {
    return Path.of(System.getProperty("cpa.playground.jar", "target/cpa-playground.jar"));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
