package com.custompodautoscaler.host.process;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autoscaler host's process: one replica, its settings from the environment ({@link
 * HostSettings}), acting as its pod's ServiceAccount. SIGTERM gives its shards up, so that the
 * other replicas take its CPAs at once, then stops them.
 */
public final class HostMain {

  private static final Logger log = LoggerFactory.getLogger(HostMain.class);

  private HostMain() {}

  public static void main(String[] args) throws InterruptedException {
    HostSettings settings;
    try {
      settings = HostSettings.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("cpa-host: " + e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    Host host = Host.start(client, settings.host(), Clock.systemUTC());
    HostEndpoints endpoints;
    try {
      endpoints = new HostEndpoints(settings.port(), host);
    } catch (IOException e) {
      System.err.println(
          "cpa-host: cannot serve on port " + settings.port() + ": " + e.getMessage());
      host.close();
      System.exit(1);
      return;
    }
    log.info(
        "replica {} of host {} started; health and metrics on port {}",
        settings.host().replica(),
        settings.host().name(),
        endpoints.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  endpoints.close();
                  host.close();
                  client.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
  }
}
