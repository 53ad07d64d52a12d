package com.custompodautoscaler.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar cpa-operator.jar}: in a pod through its service account, elsewhere through the
 * kubeconfig.
 */
@Command(
    name = "cpa-operator",
    mixinStandardHelpOptions = true,
    description = "Runs the CustomPodAutoscaler operator until SIGTERM or SIGINT.")
public final class OperatorCli implements Callable<Integer> {

  private static final Path POD_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Option(
      names = "--namespaces",
      paramLabel = "NS[,NS...]",
      defaultValue = "${env:WATCH_NAMESPACE:-}",
      description = "Namespaces to watch, comma-separated; all when empty (env WATCH_NAMESPACE).")
  private String namespaces;

  @Option(
      names = "--leader-election",
      defaultValue = "${env:LEADER_ELECTION:-false}",
      description = "Elect a leader among replicas through a Lease (env LEADER_ELECTION).")
  private boolean leaderElection;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      defaultValue = "${env:LEADER_ELECTION_NAMESPACE:-}",
      description =
          "Namespace of the lease; default: the pod's own, else 'default' (env LEADER_ELECTION_NAMESPACE).")
  private String leaseNamespace;

  @Option(
      names = "--health-port",
      defaultValue = "${env:HEALTH_PORT:-8081}",
      description = "Port of /healthz, /readyz and /metrics (env HEALTH_PORT).")
  private int healthPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorCli()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings =
        new OperatorSettings(
            Arrays.stream(namespaces.split(","))
                .map(String::strip)
                .filter(ns -> !ns.isEmpty())
                .collect(Collectors.toSet()),
            leaderElection ? Optional.of(leaseNamespace()) : Optional.empty(),
            healthPort);
    KubernetesClient client = new KubernetesClientBuilder().build();
    CustomPodAutoscalerOperator operator = CustomPodAutoscalerOperator.start(client, settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  client.close();
                  // Stopping on request is success; the JVM would exit with 128 + the signal.
                  Runtime.getRuntime().halt(0);
                },
                "shutdown"));
    // Runs until the shutdown hook halts the JVM.
    Thread.currentThread().join();
    return 0;
  }

  private String leaseNamespace() throws IOException {
    if (!leaseNamespace.isBlank()) {
      return leaseNamespace;
    }
    return Files.isReadable(POD_NAMESPACE) ? Files.readString(POD_NAMESPACE).strip() : "default";
  }
}
