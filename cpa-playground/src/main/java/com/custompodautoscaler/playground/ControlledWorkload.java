package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Deployment in a namespace of its own whose pods the real Deployment and ReplicaSet controllers
 * make, with kubelets and metrics-server stood in for: its pods start at once, become Ready and get
 * their first metrics after the delays of {@link PodStartup}, and share a CPU load the caller sets.
 */
final class ControlledWorkload implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final ExampleScript.Target target;
  private final KubeletStandIn kubelets;
  private final MetricsServerStandIn metricsServer;

  /** How a new pod comes up: Ready after {@code readyAfter}, sampled after {@code metricsAfter}. */
  record PodStartup(Duration readyAfter, Duration metricsAfter) {

    /** Pods that are Ready and sampled as soon as they start. */
    static PodStartup immediate() {
      return new PodStartup(Duration.ZERO, Duration.ZERO);
    }
  }

  private ControlledWorkload(
      KubernetesClient client,
      String namespace,
      ExampleScript.Target target,
      KubeletStandIn kubelets,
      MetricsServerStandIn metricsServer) {
    this.client = client;
    this.namespace = namespace;
    this.target = target;
    this.kubelets = kubelets;
    this.metricsServer = metricsServer;
  }

  /**
   * Creates namespace {@code namespace} and in it the Deployment {@code target}, whose pods each
   * request {@code cpuRequest}, and starts the stand-ins for its pods.
   */
  static ControlledWorkload start(
      KubernetesClient client,
      String namespace,
      ExampleScript.Target target,
      String cpuRequest,
      PodStartup startup)
      throws IOException {
    TargetObjects.createNamespace(client, namespace);
    client
        .resource(TargetObjects.build(target, Optional.of(cpuRequest)))
        .inNamespace(namespace)
        .create();
    KubeletStandIn kubelets = new KubeletStandIn(client, namespace, startup.readyAfter());
    kubelets.start();
    try {
      MetricsServerStandIn metricsServer =
          MetricsServerStandIn.start(client, namespace, startup.metricsAfter());
      return new ControlledWorkload(client, namespace, target, kubelets, metricsServer);
    } catch (IOException | RuntimeException e) {
      kubelets.close();
      throw e;
    }
  }

  /** Sets the CPU the pods use together, such as {@code 400m}. */
  void useCpu(String quantity) {
    metricsServer.useCpu(quantity);
  }

  /** The Deployment's replicas as its spec says now. */
  int replicas() {
    Object replicas = TargetObjects.find(client, namespace, target).get().get("spec", "replicas");
    return replicas instanceof Number number ? number.intValue() : 0;
  }

  String namespace() {
    return namespace;
  }

  String name() {
    return target.name();
  }

  @Override
  public void close() {
    metricsServer.close();
    kubelets.close();
  }
}
