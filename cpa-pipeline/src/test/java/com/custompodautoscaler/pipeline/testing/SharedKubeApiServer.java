package com.custompodautoscaler.pipeline.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One real kube-apiserver (with etcd) for all the tests in a JVM, started on first use and stopped
 * when the JVM exits. The binaries are Kubernetes 1.20.2's, which {@code
 * scripts/ensure-kube-binaries.sh} provisions. Tests isolate themselves in fresh namespaces. A bare
 * API server runs no controllers: tests create the pods they need themselves.
 */
public final class SharedKubeApiServer {

  public static final String VERSION = "1.20.2";
  private static final Path BINARIES =
      Path.of(System.getProperty("user.home"), ".kubeapitest", "k8s", VERSION + "-linux-amd64");

  private static String kubeconfig;

  private SharedKubeApiServer() {}

  /** One of the provisioned Kubernetes binaries, such as {@code kubectl}. */
  public static Path binary(String name) {
    return BINARIES.resolve(name);
  }

  /** An admin kubeconfig for the shared API server, starting it if needed. */
  public static synchronized String kubeconfigYaml() {
    if (kubeconfig == null) {
      if (!Files.isExecutable(BINARIES.resolve("kube-apiserver"))) {
        throw new IllegalStateException(
            "no kube-apiserver in "
                + BINARIES
                + "; run scripts/ensure-kube-binaries.sh (the test command does it)");
      }
      KubeAPIServer server =
          new KubeAPIServer(
              KubeAPIServerConfigBuilder.anAPIServerConfig()
                  .withApiServerVersion(VERSION)
                  .withOfflineMode(true)
                  .build());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-kube-apiserver"));
      kubeconfig = server.getKubeConfigYaml();
    }
    return kubeconfig;
  }

  /** A client with admin rights on the shared API server. */
  public static KubernetesClient adminClient() {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(kubeconfigYaml()))
        .build();
  }

  /** Creates a namespace with a unique name that starts with {@code prefix}. */
  public static String freshNamespace(KubernetesClient client, String prefix) {
    String name =
        prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }
}
