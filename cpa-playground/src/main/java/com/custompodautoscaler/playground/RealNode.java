package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node Kubernetes on this machine, through the scripts of {@code scripts/real-node}:
 * provisioned once, started with the project's images built from its Dockerfiles and imported, and
 * stopped again with everything it made. Needs root and the repository (its scripts, Dockerfiles
 * and built jars).
 */
public final class RealNode implements AutoCloseable {

  private final Path scripts;
  private final Path log;
  private final Path kubeconfig;

  private RealNode(Path scripts, Path log, Path kubeconfig) {
    this.scripts = scripts;
    this.log = log;
    this.kubeconfig = kubeconfig;
  }

  /**
   * Provisions what is missing, builds the images (with {@code extraImages}, {@code
   * name=Dockerfile} pairs), starts the node and imports the images; the scripts' progress goes to
   * {@code log}.
   *
   * @throws IOException when a step fails, naming it; the node is down again then
   */
  public static RealNode start(Path projectRoot, Path log, List<String> extraImages)
      throws IOException, InterruptedException {
    Path scripts = projectRoot.resolve("scripts/real-node");
    Files.createDirectories(log.getParent());
    // Emptied, not replaced: whoever follows the log goes on reading the same file.
    Files.writeString(log, "");
    Path home = Path.of(run(scripts, log, "provision.sh").strip());
    List<String> images =
        new ArrayList<>(List.of("images.sh", home.resolve("project-images").toString()));
    images.addAll(extraImages);
    List<String> archives = run(scripts, log, images.toArray(String[]::new)).lines().toList();
    // A node an interrupted run left up is taken down first.
    down(scripts, log);
    try {
      Path kubeconfig = Path.of(run(scripts, log, "node.sh", "up").strip());
      List<String> load = new ArrayList<>(List.of("node.sh", "load"));
      load.addAll(archives);
      run(scripts, log, load.toArray(String[]::new));
      return new RealNode(scripts, log, kubeconfig);
    } catch (IOException | InterruptedException | RuntimeException e) {
      down(scripts, log);
      throw e;
    }
  }

  /** The admin kubeconfig, for the API server on the machine's loopback. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** A client with admin rights on the node's API server. */
  public KubernetesClient adminClient() throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
        .build();
  }

  /** Runs {@code command} inside the node's network and mount namespaces; returns its output. */
  public String inNode(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("node.sh", "run"));
    args.addAll(List.of(command));
    return run(scripts, log, args.toArray(String[]::new));
  }

  /** Stops the node and removes every process, mount, namespace and cgroup it made. */
  @Override
  public void close() {
    try {
      down(scripts, log);
    } catch (IOException e) {
      throw new IllegalStateException("the real node did not go down: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void down(Path scripts, Path log) throws IOException, InterruptedException {
    run(scripts, log, "node.sh", "down");
  }

  /** Runs a script of {@code scripts}, its stderr appended to {@code log}; returns its stdout. */
  private static String run(Path scripts, Path log, String... command)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(command));
    line.set(0, scripts.resolve(command[0]).toString());
    Process process =
        new ProcessBuilder(line)
            .directory(scripts.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(
          String.join(" ", command) + " failed with exit code " + exit + "; see " + log);
    }
    return out;
  }
}
