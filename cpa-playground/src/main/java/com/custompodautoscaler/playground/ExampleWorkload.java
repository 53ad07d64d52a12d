package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

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

  /**
   * Creates the script's target in {@code namespace} and starts its stand-ins and the simulated
   * workload controller; each is added to {@code parts} as it starts.
   */
  static ExampleWorkload simulated(
      KubernetesClient client, ExampleScript script, String namespace, StartedParts parts)
      throws IOException {
    return start(
        client,
        script,
        namespace,
        parts,
        endpoints -> new WorkloadSimulator(client, namespace, new EndpointsFollowPods(endpoints)));
  }

  /**
   * As {@link #simulated}, for real Deployment and ReplicaSet controllers: kubelet stand-ins run
   * the pods they make.
   */
  static ExampleWorkload underRealControllers(
      KubernetesClient client, ExampleScript script, String namespace, StartedParts parts)
      throws IOException {
    return start(
        client,
        script,
        namespace,
        parts,
        endpoints -> new KubeletStandIn(client, namespace, Duration.ZERO));
  }

  private static ExampleWorkload start(
      KubernetesClient client,
      ExampleScript script,
      String namespace,
      StartedParts parts,
      Function<PodEndpoints, PodMaker> podMaker)
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
    parts.add(podMaker.apply(endpoints)).start();
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
