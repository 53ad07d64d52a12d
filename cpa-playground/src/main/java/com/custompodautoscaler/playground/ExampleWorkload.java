package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An example's target and what its pods need: the target object, what makes its pods run, and the
 * stand-ins for the pods' metric endpoints and for metrics-server when the example has them.
 */
final class ExampleWorkload {

  private final PodEndpoints endpoints;
  private final MetricsServerStandIn metricsServer;

  private ExampleWorkload(PodEndpoints endpoints, MetricsServerStandIn metricsServer) {
    this.endpoints = endpoints;
    this.metricsServer = metricsServer;
  }

  /** What makes the example's pods run. */
  enum Pods {
    /** The simulated workload controller, which plays the controllers and the kubelets. */
    SIMULATED_CONTROLLER,
    /** Kubelet stand-ins, under the real Deployment and ReplicaSet controllers. */
    REAL_CONTROLLERS
  }

  /**
   * Creates the script's target in {@code namespace} and starts its stand-ins and what makes its
   * {@code pods} run; each is added to {@code parts} as it starts.
   */
  static ExampleWorkload start(
      KubernetesClient client,
      ExampleScript script,
      String namespace,
      Pods pods,
      StartedParts parts)
      throws IOException {
    Optional<ExampleScript.PodMetrics> podMetrics = script.podMetricsSpec();
    client
        .resource(
            TargetObjects.build(
                script.target(), podMetrics.map(ExampleScript.PodMetrics::cpuRequest)))
        .inNamespace(namespace)
        .create();
    OptionalInt port = script.podEndpointPort();
    PodEndpoints endpoints = port.isPresent() ? parts.add(new PodEndpoints(port.getAsInt())) : null;
    MetricsServerStandIn metricsServer =
        podMetrics.isPresent() ? parts.add(MetricsServerStandIn.start(client, namespace)) : null;
    PodMaker maker =
        switch (pods) {
          case SIMULATED_CONTROLLER ->
              new WorkloadSimulator(client, namespace, new EndpointsFollowPods(endpoints));
          case REAL_CONTROLLERS -> new KubeletStandIn(client, namespace, Duration.ZERO);
        };
    parts.add(maker).start();
    return new ExampleWorkload(endpoints, metricsServer);
  }

  /** The stand-ins for the pods' metric endpoints, if the example has them. */
  Optional<PodEndpoints> endpoints() {
    return Optional.ofNullable(endpoints);
  }

  /** The stand-in for metrics-server, if the example has pod metrics. */
  Optional<MetricsServerStandIn> metricsServer() {
    return Optional.ofNullable(metricsServer);
  }

  /** Keeps the stand-in pod endpoints, when the example has them, in step with the pods. */
  private static final class EndpointsFollowPods implements WorkloadSimulator.PodListener {

    private final PodEndpoints endpoints;

    EndpointsFollowPods(PodEndpoints endpoints) {
      this.endpoints = endpoints;
    }

    @Override
    public void starting(String podIp) {
      if (endpoints != null) {
        endpoints.add(podIp);
      }
    }

    @Override
    public void running(List<String> podIps) {
      if (endpoints != null) {
        endpoints.serve(podIps);
      }
    }
  }
}
