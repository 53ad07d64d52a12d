package com.custompodautoscaler.pipeline.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Connects to the API server: in-cluster through the pod's service account, otherwise through the
 * kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}), so the autoscaler runs in a pod and on
 * a laptop alike.
 */
public final class KubernetesConnection {

  /** Retries of one request that failed transiently; the waits double from the interval. */
  private static final int RETRY_LIMIT = 4;

  private static final int RETRY_INTERVAL_MILLIS = 200;

  private KubernetesConnection() {}

  /** A client configured from the environment, with this project's retry settings. */
  public static KubernetesClient fromEnvironment() {
    return connect(Config.autoConfigure(null));
  }

  /** A client for a kubeconfig document, with this project's retry settings. */
  public static KubernetesClient fromKubeconfig(String kubeconfigYaml) {
    return connect(Config.fromKubeconfig(kubeconfigYaml));
  }

  /** A client for {@code config}, with this project's retry settings. */
  public static KubernetesClient connect(Config config) {
    Config withRetries =
        new ConfigBuilder(config)
            .withRequestRetryBackoffLimit(RETRY_LIMIT)
            .withRequestRetryBackoffInterval(RETRY_INTERVAL_MILLIS)
            .build();
    return new KubernetesClientBuilder().withConfig(withRetries).build();
  }
}
