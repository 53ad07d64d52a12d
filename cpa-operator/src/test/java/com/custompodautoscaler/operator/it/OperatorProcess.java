package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.autoscaler.testing.JarProcess;
import com.custompodautoscaler.pipeline.testing.LoopbackHttp;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The operator jar running as a separate process, with a kubeconfig, as users run it. */
final class OperatorProcess implements AutoCloseable {

  /** The kubeconfig the operator runs with, in the process's folder. */
  static final String KUBECONFIG = "operator.kubeconfig";

  private final JarProcess process;
  private final int healthPort;

  private OperatorProcess(JarProcess process, int healthPort) {
    this.process = process;
    this.healthPort = healthPort;
  }

  /**
   * Starts {@code java -jar cpa-operator.jar} with the kubeconfig {@value #KUBECONFIG} in {@code
   * dir} (written, if missing, to act as the account the install manifests give the operator), a
   * free health port and the environment variables {@code env}; {@code name} names its log.
   */
  static OperatorProcess start(Path dir, String name, Map<String, String> env) throws IOException {
    Path kubeconfig = dir.resolve(KUBECONFIG);
    if (!Files.exists(kubeconfig)) {
      try (KubernetesClient admin = SharedKubeApiServer.adminClient()) {
        Files.writeString(kubeconfig, OperatorAccount.kubeconfigYaml(admin));
      }
    }
    int port = JarProcess.freePort();
    Map<String, String> environment = new HashMap<>(env);
    environment.put("KUBECONFIG", kubeconfig.toString());
    environment.put("HEALTH_PORT", String.valueOf(port));
    JarProcess process =
        JarProcess.start(
            JarProcess.jar("cpa.operator.jar", "target/cpa-operator.jar"),
            List.of(),
            dir,
            dir.resolve(name + ".log"),
            environment);
    return new OperatorProcess(process, port);
  }

  /** Waits until the health endpoint answers. */
  OperatorProcess awaitLive() {
    process.awaitOk(healthPort, "/healthz");
    return this;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return LoopbackHttp.send(healthPort, "GET", path);
  }

  String logs() {
    return process.logs();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to exit by itself; its status, or -1 if it did not exit in time. */
  int awaitExit() throws InterruptedException {
    return process.awaitExit();
  }

  /** Sends SIGTERM and returns the exit status, or -1 if it did not exit in time. */
  int terminate() throws InterruptedException {
    return process.terminate();
  }

  @Override
  public void close() {
    process.close();
  }
}
