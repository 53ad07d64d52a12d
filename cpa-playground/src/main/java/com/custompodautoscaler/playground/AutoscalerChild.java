package com.custompodautoscaler.playground;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * The autoscaler, run as its own process the way a cluster runs it: {@code run --config
 * config.yaml} in the example's folder, with environment variables as a CPA's {@code spec.config}
 * would set them. Its log lines are handed to a listener as they come.
 */
final class AutoscalerChild implements AutoCloseable {

  private static final String MAIN = "com.custompodautoscaler.autoscaler.cli.AutoscalerCli";
  private static final long STOP_SECONDS = 20;

  private final Process process;
  private volatile boolean stopping;

  private AutoscalerChild(Process process) {
    this.process = process;
  }

  /** Runs {@code onExit} with the exit status if the autoscaler ends without being asked to. */
  void whenItStopsByItself(IntConsumer onExit) {
    process
        .onExit()
        .thenAccept(
            exited -> {
              if (!stopping) {
                onExit.accept(exited.exitValue());
              }
            });
  }

  static AutoscalerChild start(Path config, Map<String, String> env, Consumer<String> logLines)
      throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            absoluteClassPath(),
            MAIN,
            "run",
            "--config",
            config.getFileName().toString());
    ProcessBuilder builder =
        new ProcessBuilder(LocalMachine.inOwnSession(command))
            .directory(config.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    Thread reader = new Thread(() -> forward(process, logLines), "autoscaler-log");
    reader.setDaemon(true);
    reader.start();
    return new AutoscalerChild(process);
  }

  /** This JVM's class path with absolute entries, since the child runs in another folder. */
  private static String absoluteClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static void forward(Process process, Consumer<String> logLines) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        logLines.accept(line);
      }
    } catch (IOException e) {
      // The process is gone and its output closed; nothing more to read.
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the autoscaler to stop (SIGTERM), as Kubernetes does, and waits for it. */
  @Override
  public void close() {
    stopping = true;
    LocalMachine.stop(process, Duration.ofSeconds(STOP_SECONDS));
  }
}
