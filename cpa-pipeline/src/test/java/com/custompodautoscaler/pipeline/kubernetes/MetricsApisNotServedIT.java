package com.custompodautoscaler.pipeline.kubernetes;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.pipeline.run.KubernetesMetricsSource.Gathered;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real kube-apiserver with nothing installed serves none of the metrics APIs and answers 404 for
 * them, as a cluster without metrics-server or a metrics adapter does: each metric source's failure
 * says which API is missing and what serves it.
 */
class MetricsApisNotServedIT {

  private static final String RESOURCE_API =
      "; the resource metrics API (metrics.k8s.io) is not served by this cluster: install"
          + " metrics-server";
  private static final String CUSTOM_API =
      "; the custom metrics API (custom.metrics.k8s.io) is not served by this cluster: install an"
          + " adapter that serves it, such as prometheus-adapter";
  private static final String EXTERNAL_API =
      "; the external metrics API (external.metrics.k8s.io) is not served by this cluster:"
          + " install an adapter that serves it, such as KEDA or prometheus-adapter";

  private static KubernetesClient client;
  private static String namespace;

  @BeforeAll
  static void connect() {
    client = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(client, "no-metrics");
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  /** A metric spec and the failure its gathering must report; NS stands for the namespace. */
  record Case(String name, String spec, String failure) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> specs() {
    return Stream.of(
        new Case(
            "a Resource metric names metrics-server",
            "{type: Resource, resource: {name: cpu, target: {type: Utilization,"
                + " averageUtilization: 50}}}",
            "failed to get resource metric: GET /apis/metrics.k8s.io/v1beta1/namespaces/NS/pods"
                + "?labelSelector=app%3Dweb: 404 page not found"
                + RESOURCE_API),
        new Case(
            "a ContainerResource metric names metrics-server",
            "{type: ContainerResource, containerResource: {name: memory, container: app, target:"
                + " {type: AverageValue, averageValue: 100Mi}}}",
            "failed to get container resource metric: GET"
                + " /apis/metrics.k8s.io/v1beta1/namespaces/NS/pods?labelSelector=app%3Dweb: 404"
                + " page not found"
                + RESOURCE_API),
        new Case(
            "a Pods metric names a custom metrics adapter, after both versions",
            "{type: Pods, pods: {metric: {name: qps}, target: {type: AverageValue, averageValue:"
                + " 2}}}",
            "failed to get pods metric: GET /apis/custom.metrics.k8s.io/v1beta1/namespaces/NS/pods"
                + "/*/qps?labelSelector=app%3Dweb: 404 page not found"
                + CUSTOM_API),
        new Case(
            "an Object metric names a custom metrics adapter",
            "{type: Object, object: {describedObject: {apiVersion: v1, kind: Service, name:"
                + " front}, metric: {name: requests}, target: {type: Value, value: 10}}}",
            "failed to get object metric: GET /apis/custom.metrics.k8s.io/v1beta1/namespaces/NS"
                + "/services/front/requests: 404 page not found"
                + CUSTOM_API),
        new Case(
            "an External metric names an external metrics adapter",
            "{type: External, external: {metric: {name: queue_depth}, target: {type:"
                + " AverageValue, averageValue: 10}}}",
            "failed to get external metric: GET /apis/external.metrics.k8s.io/v1beta1/namespaces/NS"
                + "/queue_depth: 404 page not found"
                + EXTERNAL_API));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void aMetricFromAnApiTheClusterDoesNotServeSaysWhatToInstall(Case metric) throws Exception {
    KubernetesMetricsGatherer gatherer =
        KubernetesMetricsGatherer.of(
            client,
            config(
                "kubernetesMetricSpecs: [" + metric.spec() + "]\n", Map.of("namespace", namespace)),
            Clock.systemUTC());

    Gathered gathered = gatherer.gather(new ScaleState(2, 2, "app=web"));

    assertThat(gathered.metrics()).isEmpty();
    assertThat(gathered.failures())
        .containsExactly(
            new MetricFailure(
                metric.failure().replace("NS", namespace),
                MetricFailure.Kind.METRICS_API_NOT_SERVED));
  }
}
