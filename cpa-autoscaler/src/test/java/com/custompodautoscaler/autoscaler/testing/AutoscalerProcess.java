package com.custompodautoscaler.autoscaler.testing;

import com.custompodautoscaler.pipeline.testing.LoopbackHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shaded autoscaler jar running as a separate process, as users run it. */
public final class AutoscalerProcess implements AutoCloseable {

  private final JarProcess process;
  private final int apiPort;
  private final int healthPort;

  private AutoscalerProcess(JarProcess process, int apiPort, int healthPort) {
    this.process = process;
    this.apiPort = apiPort;
    this.healthPort = healthPort;
  }

  /** The jar the build made, which failsafe names in a system property. */
  public static Path jar() {
    return JarProcess.jar("cpa.autoscaler.jar", "target/cpa-autoscaler.jar");
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
   * variables {@code env} (config overrides, as the operator sets them), the REST API on a free
   * loopback port and the health endpoints on another free port (not the operator's fixed one,
   * which processes started at once would share).
   */
  public static AutoscalerProcess start(
      Path dir, Path config, Path kubeconfig, Map<String, String> env) throws IOException {
    int port = JarProcess.freePort();
    int healthPort = JarProcess.freePort();
    while (healthPort == port) {
      healthPort = JarProcess.freePort();
    }
    Map<String, String> environment = new HashMap<>(env);
    environment.put("KUBECONFIG", kubeconfig.toString());
    environment.put("apiConfig", "{\"host\": \"127.0.0.1\", \"port\": " + port + "}");
    environment.put("healthPort", String.valueOf(healthPort));
    JarProcess process =
        JarProcess.start(
            jar(),
            List.of("--config", config.toString()),
            config.toAbsolutePath().getParent(),
            dir.resolve("autoscaler.log"),
            environment);
    return new AutoscalerProcess(process, port, healthPort);
  }

  /** Waits until {@code /readyz} answers 200. */
  public AutoscalerProcess awaitReady() {
    process.awaitOk(apiPort, "/readyz");
    return this;
  }

  /** Waits until {@code /readyz} answers 200 on the health port, as the readiness probe asks. */
  public AutoscalerProcess awaitReadyOnTheHealthPort() {
    process.awaitOk(healthPort, "/readyz");
    return this;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return LoopbackHttp.send(apiPort, "GET", path);
  }

  /** {@code GET path} on the health port, as kubelet probes it. */
  public HttpResponse<String> getFromTheHealthPort(String path)
      throws IOException, InterruptedException {
    return LoopbackHttp.send(healthPort, "GET", path);
  }

  public HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return LoopbackHttp.send(apiPort, "POST", path);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process wrote so far. */
  public String logs() {
    return process.logs();
  }

  /**
   * Waits for the process to exit by itself; returns its status, or -1 if it did not exit in time.
   */
  public int awaitExit() throws InterruptedException {
    return process.awaitExit();
  }

  /** Sends SIGTERM and returns the exit status, or -1 if it did not exit in time. */
  public int terminate() throws InterruptedException {
    return process.terminate();
  }

  @Override
  public void close() {
    process.close();
  }
}
