package com.custompodautoscaler.pipeline.kubernetes;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.pipeline.run.KubernetesMetricsSource.Gathered;
import com.custompodautoscaler.pipeline.run.MetricFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gathering against served metrics APIs: a bare kube-apiserver serves none, so fabric8's mock
 * server answers the metrics paths, and the pods, as a cluster with metrics-server, a custom
 * metrics adapter and an external metrics adapter would.
 */
class KubernetesMetricsGathererIT {

  private static final String NAMESPACE = "shop";
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final String PODS = "/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb";
  private static final String POD_METRICS =
      "/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods?labelSelector=app%3Dweb";
  private static final ScaleState SCALE = new ScaleState(4, 5, "app=web");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = KubernetesConnection.connect(server.createClient().getConfiguration());
    server
        .expect()
        .get()
        .withPath(PODS)
        .andReturn(
            200,
            SERIALIZATION.asJson(
                new PodListBuilder()
                    .addToItems(
                        running("web-1", "200m"),
                        running("web-2", "200m"),
                        pending("web-3"),
                        running("web-4", "200m"),
                        failed("web-5"))
                    .build()))
        .always();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void cpuUtilizationGroupsThePodsAsTheHpaDoes() throws Exception {
    server
        .expect()
        .get()
        .withPath(POD_METRICS)
        .andReturn(200, podMetrics("web-1", "150m", "web-2", "250m", "web-5", "900m"))
        .always();

    JsonNode entry =
        onlyMetric(
            gather(
                "{type: Resource, resource: {name: cpu, target: {type: Utilization,"
                    + " averageUtilization: 50}}}"));

    assertThat(entry.path("current_replicas").asInt()).isEqualTo(4);
    assertThat(entry.path("status_replicas").asInt()).isEqualTo(5);
    assertThat(entry.path("spec").path("resource").path("name").asText()).isEqualTo("cpu");
    JsonNode resource = entry.path("resource");
    assertThat(resource.path("pod_metrics_info").path("web-1").path("Value").asLong())
        .isEqualTo(150);
    assertThat(resource.path("pod_metrics_info").path("web-1").path("Window").asLong())
        .isEqualTo(30_000_000_000L);
    assertThat(resource.path("pod_metrics_info").path("web-2").path("Value").asLong())
        .isEqualTo(250);
    assertThat(resource.path("pod_metrics_info").has("web-5"))
        .as("a Failed pod's sample is dropped")
        .isFalse();
    assertThat(resource.path("ready_pod_count").asInt()).isEqualTo(2);
    assertThat(fieldNames(resource.path("ignored_pods"))).containsExactly("web-3");
    assertThat(fieldNames(resource.path("missing_pods"))).containsExactly("web-4");
    assertThat(resource.path("total_pods").asInt()).isEqualTo(5);
    assertThat(resource.path("requests"))
        .hasToString("{\"web-1\":200,\"web-2\":200,\"web-3\":200,\"web-4\":200}");
    assertThat(resource.path("timestamp").asText()).isEqualTo("2026-01-01T11:59:30Z");
    assertThat(entry.has("pods")).isFalse();
  }

  @Test
  void anAverageValueTargetHasNoRequests() throws Exception {
    server
        .expect()
        .get()
        .withPath(POD_METRICS)
        .andReturn(200, podMetrics("web-1", "150m", "web-2", "250m"))
        .always();

    JsonNode resource =
        onlyMetric(
                gather(
                    "{type: Resource, resource: {name: memory, target: {type: AverageValue,"
                        + " averageValue: 100Mi}}}"))
            .path("resource");

    assertThat(resource.has("requests")).isTrue();
    assertThat(resource.path("requests").isNull()).isTrue();
  }

  @Test
  void aContainerWithoutARequestFailsAUtilizationMetricByName() throws Exception {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods?labelSelector=app%3Dlean")
        .andReturn(
            200,
            SERIALIZATION.asJson(new PodListBuilder().addToItems(running("lean-1", null)).build()))
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods?labelSelector=app%3Dlean")
        .andReturn(200, podMetrics("lean-1", "100m"))
        .always();

    Gathered gathered =
        gatherer(
                "{type: Resource, resource: {name: cpu, target: {type: Utilization,"
                    + " averageUtilization: 50}}}")
            .gather(new ScaleState(1, 1, "app=lean"));

    assertThat(gathered.metrics()).isEmpty();
    assertThat(gathered.failures())
        .containsExactly(
            MetricFailure.failed(
                "failed to get resource metric: missing request for cpu in container app of Pod"
                    + " lean-1"));
  }

  @Test
  void podsMetricsFallBackToV1beta1AndIgnoreOnlyPendingPods() throws Exception {
    server
        .expect()
        .get()
        .withPath(
            "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/qps?labelSelector=app%3Dweb")
        .andReturn(404, "{\"kind\":\"Status\",\"code\":404,\"message\":\"not found\"}")
        .always();
    server
        .expect()
        .get()
        .withPath(
            "/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/*/qps?labelSelector=app%3Dweb")
        .andReturn(
            200,
            "{\"items\":["
                + customSample("web-1", "2")
                + ","
                + customSample("web-2", "3500m")
                + "]}")
        .always();

    JsonNode pods =
        onlyMetric(
                gather(
                    "{type: Pods, pods: {metric: {name: qps}, target: {type: AverageValue,"
                        + " averageValue: 2}}}"))
            .path("pods");

    assertThat(pods.path("pod_metrics_info").path("web-1").path("Value").asLong()).isEqualTo(2000);
    assertThat(pods.path("pod_metrics_info").path("web-2").path("Value").asLong()).isEqualTo(3500);
    assertThat(pods.path("pod_metrics_info").path("web-2").path("Window").asLong())
        .as("the window the adapter gave")
        .isEqualTo(120_000_000_000L);
    assertThat(pods.path("ready_pod_count").asInt()).isEqualTo(2);
    assertThat(fieldNames(pods.path("ignored_pods"))).containsExactly("web-3");
    assertThat(fieldNames(pods.path("missing_pods"))).containsExactly("web-4");
    assertThat(pods.has("requests")).isFalse();
  }

  @Test
  void anObjectValueCountsTheRunningAndReadyPods() throws Exception {
    server
        .expect()
        .get()
        .withPath("/apis/networking.k8s.io/v1")
        .andReturn(
            200,
            "{\"kind\":\"APIResourceList\",\"groupVersion\":\"networking.k8s.io/v1\",\"resources\":"
                + "[{\"name\":\"ingresses\",\"singularName\":\"\",\"namespaced\":true,"
                + "\"kind\":\"Ingress\",\"verbs\":[\"get\"]}]}")
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/ingresses/main/hits")
        .andReturn(200, "{\"items\":[" + customSample("main", "2k") + "]}")
        .always();

    JsonNode object =
        onlyMetric(
                gather(
                    "{type: Object, object: {describedObject: {apiVersion: networking.k8s.io/v1,"
                        + " kind: Ingress, name: main}, metric: {name: hits}, target: {type: Value,"
                        + " value: 1k}}}"))
            .path("object");

    assertThat(object.path("current")).hasToString("{\"value\":2000000}");
    assertThat(object.path("ready_pod_count").asInt())
        .as("web-1, web-2 and web-4: web-3 is Pending, web-5 Failed")
        .isEqualTo(3);
  }

  @Test
  void anExternalAverageValueSumsEverySeriesAndCountsNoPods() throws Exception {
    server
        .expect()
        .get()
        .withPath(
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_depth?labelSelector=queue%3Dorders")
        .andReturn(200, "{\"items\":[" + externalSample("10") + "," + externalSample("15") + "]}")
        .always();

    JsonNode external =
        onlyMetric(
                gather(
                    "{type: External, external: {metric: {name: queue_depth, selector:"
                        + " {matchLabels: {queue: orders}}}, target: {type: AverageValue,"
                        + " averageValue: 5}}}"))
            .path("external");

    assertThat(external.path("current")).hasToString("{\"average_value\":25000}");
    assertThat(external.has("ready_pod_count")).isFalse();
  }

  @Test
  void anExternalValueNeedsNoPodsAtZeroReplicasButDoesAbove() throws Exception {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods?labelSelector=app%3Didle")
        .andReturn(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}")
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_depth")
        .andReturn(200, "{\"items\":[" + externalSample("30") + "]}")
        .always();
    KubernetesMetricsGatherer gatherer =
        gatherer(
            "{type: External, external: {metric: {name: queue_depth}, target: {type: Value,"
                + " value: 10}}}");

    Gathered fromZero = gatherer.gather(new ScaleState(0, 0, "app=idle"));
    Gathered withoutPods = gatherer.gather(new ScaleState(2, 2, "app=idle"));

    assertThat(JSON.valueToTree(onlyMetric(fromZero).path("external")).toString())
        .contains("\"ready_pod_count\":0");
    assertThat(withoutPods.failures())
        .singleElement()
        .extracting(MetricFailure::message)
        .asString()
        .contains("no pods returned by selector while calculating replica count");
  }

  @Test
  void aFailingSpecIsReportedAndTheOthersAreStillGathered() throws Exception {
    server
        .expect()
        .get()
        .withPath(POD_METRICS)
        .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"forbidden\"}")
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_depth")
        .andReturn(200, "{\"items\":[" + externalSample("7") + "]}")
        .always();

    Gathered gathered =
        gatherer(
                "{type: Resource, resource: {name: cpu, target: {type: Utilization,"
                    + " averageUtilization: 50}}}",
                "{type: External, external: {metric: {name: queue_depth}, target: {type: Value,"
                    + " value: 5}}}")
            .gather(SCALE);

    assertThat(gathered.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.kind()).isEqualTo(MetricFailure.Kind.FORBIDDEN);
              assertThat(failure.message())
                  .startsWith(
                      "failed to get resource metric: GET " + POD_METRICS + ": 403 forbidden");
            });
    assertThat(gathered.metrics())
        .singleElement()
        .satisfies(m -> assertThat(m.external()).isNotNull());
  }

  @Test
  void anInstalledAdaptersNotFoundIsItsOwnAnswerNotAMissingApi() throws Exception {
    server
        .expect()
        .get()
        .withPath("/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_depth")
        .andReturn(
            404,
            "{\"kind\":\"Status\",\"code\":404,"
                + "\"message\":\"the server could not find the metric queue_depth\"}")
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/external.metrics.k8s.io")
        .andReturn(
            200,
            "{\"kind\":\"APIGroup\",\"name\":\"external.metrics.k8s.io\","
                + "\"versions\":[{\"groupVersion\":\"external.metrics.k8s.io/v1beta1\"}]}")
        .always();

    Gathered gathered =
        gatherer(
                "{type: External, external: {metric: {name: queue_depth}, target: {type:"
                    + " AverageValue, averageValue: 10}}}")
            .gather(SCALE);

    assertThat(gathered.failures())
        .containsExactly(
            MetricFailure.failed(
                "failed to get external metric: GET"
                    + " /apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_depth: 404 the"
                    + " server could not find the metric queue_depth"));
  }

  private Gathered gather(String spec) throws Exception {
    return gatherer(spec).gather(SCALE);
  }

  private KubernetesMetricsGatherer gatherer(String... specs) {
    return KubernetesMetricsGatherer.of(
        client,
        config(
            "kubernetesMetricSpecs: [" + String.join(", ", specs) + "]\n",
            Map.of("namespace", NAMESPACE)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static JsonNode onlyMetric(Gathered gathered) {
    assertThat(gathered.failures()).isEmpty();
    assertThat(gathered.metrics()).hasSize(1);
    return JSON.valueToTree(gathered.metrics().get(0));
  }

  private static Iterable<String> fieldNames(JsonNode node) {
    return node::fieldNames;
  }

  private static Pod running(String name, String cpuRequest) {
    PodBuilder pod = base(name, "Running");
    pod.editSpec()
        .editFirstContainer()
        .withNewResources()
        .withRequests(cpuRequest == null ? Map.of() : Map.of("cpu", new Quantity(cpuRequest)))
        .endResources()
        .endContainer()
        .endSpec();
    return pod.editStatus()
        .withStartTime("2026-01-01T11:00:00Z")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .withLastTransitionTime("2026-01-01T11:00:20Z")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod pending(String name) {
    return base(name, "Pending")
        .editSpec()
        .editFirstContainer()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("200m")))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private static Pod failed(String name) {
    return base(name, "Failed").build();
  }

  private static PodBuilder base(String name, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .addToLabels("app", "web")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("web:1")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus();
  }

  /** A PodMetricsList with one container per pod: name, cpu quantity, name, cpu quantity... */
  private static String podMetrics(String... namesAndCpu) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < namesAndCpu.length; i += 2) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(namesAndCpu[i])
          .append("\"},\"timestamp\":\"2026-01-01T11:59:30Z\",\"window\":\"30s\",")
          .append("\"containers\":[{\"name\":\"app\",\"usage\":{\"cpu\":\"")
          .append(namesAndCpu[i + 1])
          .append("\",\"memory\":\"10Mi\"}}]}");
    }
    return "{\"kind\":\"PodMetricsList\",\"items\":[" + items + "]}";
  }

  private static String customSample(String object, String value) {
    return "{\"describedObject\":{\"name\":\""
        + object
        + "\"},\"metricName\":\"m\",\"timestamp\":\"2026-01-01T11:59:00Z\","
        + "\"windowSeconds\":120,\"value\":\""
        + value
        + "\"}";
  }

  private static String externalSample(String value) {
    return "{\"metricName\":\"queue_depth\",\"timestamp\":\"2026-01-01T11:59:00Z\",\"value\":\""
        + value
        + "\"}";
  }
}
