package com.custompodautoscaler.playground;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real, local Kubernetes control plane: kube-apiserver and etcd, started through kube-api-test,
 * each in a session of its own. It runs no controllers and no nodes; the playground's {@link
 * WorkloadSimulator} plays that part.
 */
public final class ControlPlane implements AutoCloseable {

  private final KubeAPIServer server;
  private final Path kubeconfig;
  private final KubernetesClient client;

  private ControlPlane(KubeAPIServer server, Path kubeconfig) {
    this.server = server;
    this.kubeconfig = kubeconfig;
    this.client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
            .build();
  }

  /**
   * Provisions the binaries if needed (progress on {@code out}), starts the API server, and writes
   * an admin kubeconfig into {@code workDir}.
   */
  public static ControlPlane start(Path workDir, PrintStream out)
      throws IOException, InterruptedException {
    KubeBinaries.ensure(out);
    KubeAPIServer server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withApiServerVersion(KubeBinaries.VERSION)
                .withOfflineMode(true)
                .withTestDir(binariesInOwnSessions(workDir).toString())
                .build());
    server.start();
    Path kubeconfig = workDir.resolve("kubeconfig");
    Files.writeString(kubeconfig, server.getKubeConfigYaml());
    return new ControlPlane(server, kubeconfig);
  }

  /**
   * A kube-api-test folder in {@code workDir} whose etcd and kube-apiserver run the provisioned
   * ones each in a session of its own ({@link LocalMachine#inOwnSession}), so that a terminal's
   * Ctrl-C does not stop them before the autoscaler, which kube-api-test would report as an error.
   * The API server's certificates are made there too.
   */
  private static Path binariesInOwnSessions(Path workDir) throws IOException {
    Path root = workDir.resolve("kube-api-test");
    Path binaries =
        Files.createDirectories(
            root.resolve("k8s").resolve(KubeBinaries.directory().getFileName()));
    for (String name : List.of("etcd", "kube-apiserver")) {
      String command =
          LocalMachine.inOwnSession(List.of(KubeBinaries.directory().resolve(name).toString()))
              .stream()
              .map(ControlPlane::quoted)
              .collect(Collectors.joining(" "));
      Path wrapper =
          Files.writeString(binaries.resolve(name), "#!/bin/sh\nexec " + command + " \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    }
    Files.createSymbolicLink(
        binaries.resolve("kubectl"), KubeBinaries.directory().resolve("kubectl"));
    return root;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** A client with admin rights. */
  public KubernetesClient client() {
    return client;
  }

  /** An admin kubeconfig file for this control plane, for kubectl and the autoscaler. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public String url() {
    return client.getMasterUrl().toString();
  }

  @Override
  public void close() {
    client.close();
    server.stop();
  }
}
