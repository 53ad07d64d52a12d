package com.custompodautoscaler.autoscaler.testing;

import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.pipeline.testing.LoopbackHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the project's runnable jars as a separate process, its output in a log file. */
public final class JarProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private JarProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * The jar the build made, which failsafe names in system property {@code property}; {@code
   * fallback} otherwise.
   */
  public static Path jar(String property, String fallback) {
    Path path = Path.of(System.getProperty(property, fallback));
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no jar at " + path + "; run 'mvn package' first");
    }
    return path;
  }

  /** Starts {@code java -jar jar args...} in {@code directory} with {@code env} added. */
  public static JarProcess start(
      Path jar, List<String> args, Path directory, Path log, Map<String, String> env)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new JarProcess(builder.start(), log);
  }

  /** A loopback port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits until {@code GET path} on loopback {@code port} answers 200; fails with the log as soon
   * as the process exits.
   */
  public void awaitOk(int port, String path) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .failFast(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the process exited:\n" + logs());
              }
            })
        .until(() -> LoopbackHttp.send(port, "GET", path).statusCode() == 200);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process wrote so far. */
  public String logs() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Waits for the process to exit by itself; returns its status, or -1 if it did not exit in time.
   */
  public int awaitExit() throws InterruptedException {
    return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** Sends SIGTERM and returns the exit status, or -1 if it did not exit in time. */
  public int terminate() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
