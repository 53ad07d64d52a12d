package com.custompodautoscaler.autoscaler.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded autoscaler jar running as a separate process, as users run it. */
public final class AutoscalerProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path log;
  private final int apiPort;

  private AutoscalerProcess(Process process, Path log, int apiPort) {
    this.process = process;
    this.log = log;
    this.apiPort = apiPort;
  }

  /** The jar the build made, which failsafe names in a system property. */
  public static Path jar() {
    String jar = System.getProperty("cpa.autoscaler.jar", "target/cpa-autoscaler.jar");
    Path path = Path.of(jar);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no autoscaler jar at " + path + "; run 'mvn package' first");
    }
    return path;
  }

  /**
   * Starts {@code java -jar cpa-autoscaler.jar --config <file>} with {@code configYaml} written to
   * a file in {@code dir}; see {@link #start(Path, Path, Path, Map)}.
   */
  public static AutoscalerProcess start(Path dir, String configYaml, Path kubeconfig)
      throws IOException {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, configYaml);
    return start(dir, config, kubeconfig, Map.of());
  }

  /**
   * Starts {@code java -jar cpa-autoscaler.jar --config <config>} in the config's folder (where
   * relative commands resolve), with KUBECONFIG pointing at {@code kubeconfig}, the environment
   * variables {@code env} (config overrides, as the operator sets them), and the REST API on a free
   * loopback port.
   */
  public static AutoscalerProcess start(
      Path dir, Path config, Path kubeconfig, Map<String, String> env) throws IOException {
    int port = freePort();
    Path log = dir.resolve("autoscaler.log");
    List<String> command =
        List.of(javaBinary(), "-jar", jar().toString(), "--config", config.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(config.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("apiConfig", "{\"host\": \"127.0.0.1\", \"port\": " + port + "}");
    return new AutoscalerProcess(builder.start(), log, port);
  }

  /** Waits until {@code /readyz} answers 200. */
  public AutoscalerProcess awaitReady() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .failFast("the autoscaler exited:\n" + logs(), () -> !process.isAlive())
        .until(() -> get("/readyz").statusCode() == 200);
    return this;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path);
  }

  public HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return send("POST", path);
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
            .method(method, BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build(),
        BodyHandlers.ofString());
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
    return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
