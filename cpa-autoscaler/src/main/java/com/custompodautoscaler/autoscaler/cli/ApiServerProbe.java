package com.custompodautoscaler.autoscaler.cli;

import com.custompodautoscaler.autoscaler.api.Readiness;
import com.custompodautoscaler.pipeline.kubernetes.ClientErrors;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the API server for its version until it answers, then marks the autoscaler ready. */
final class ApiServerProbe {

  private static final Logger log = LoggerFactory.getLogger(ApiServerProbe.class);
  private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

  private final Thread thread;

  ApiServerProbe(KubernetesClient client, Readiness readiness) {
    this.thread = new Thread(() -> probe(client, readiness), "api-server-probe");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() {
    thread.interrupt();
  }

  private static void probe(KubernetesClient client, Readiness readiness) {
    boolean warned = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        String version = client.getKubernetesVersion().getGitVersion();
        log.info(
            "connected to the Kubernetes API server at {} ({})", client.getMasterUrl(), version);
        readiness.markReady();
        return;
      } catch (KubernetesClientException e) {
        if (!warned) {
          log.warn(
              "the Kubernetes API server at {} does not answer yet: {}",
              client.getMasterUrl(),
              ClientErrors.describe(e));
          warned = true;
        }
      }
      try {
        Thread.sleep(RETRY_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
