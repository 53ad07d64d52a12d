package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What metrics-server would report for a namespace's pods: a CPU load the script sets, shared
 * evenly by the Running pods, published every second as one PodMetrics object per pod. The API
 * server serves them at metrics-server's own path ({@code /apis/metrics.k8s.io/v1beta1}) through a
 * custom resource definition, so the autoscaler reads them as it reads them on a cluster.
 */
final class MetricsServerStandIn implements AutoCloseable {

  private static final String DEFINITION = "/playground/pod-metrics-crd.yaml";
  private static final String API_VERSION = "metrics.k8s.io/v1beta1";
  private static final String KIND = "PodMetrics";
  private static final Duration PERIOD = Duration.ofSeconds(1);

  /** The span each usage is measured over, as metrics-server reports it. */
  private static final Duration WINDOW = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final String namespace;
  private final NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      podMetrics;
  private final RepeatingPass passes;
  private final Duration firstSampleAfter;
  private volatile long totalCpuMillis;

  private MetricsServerStandIn(
      KubernetesClient client, String namespace, Duration firstSampleAfter) {
    this.client = client;
    this.namespace = namespace;
    this.firstSampleAfter = firstSampleAfter;
    this.podMetrics = client.genericKubernetesResources(API_VERSION, KIND).inNamespace(namespace);
    this.passes = new RepeatingPass("metrics-server-stand-in", PERIOD, this::publish);
  }

  /** Installs the PodMetrics definition if needed and starts publishing for {@code namespace}. */
  static MetricsServerStandIn start(KubernetesClient client, String namespace) throws IOException {
    return start(client, namespace, Duration.ZERO);
  }

  /**
   * As {@link #start(KubernetesClient, String)}, but a pod has no metrics until {@code
   * firstSampleAfter} after its start, as metrics-server has none before its first scrape.
   */
  static MetricsServerStandIn start(
      KubernetesClient client, String namespace, Duration firstSampleAfter) throws IOException {
    try (InputStream definition = MetricsServerStandIn.class.getResourceAsStream(DEFINITION)) {
      if (definition == null) {
        throw new IOException(DEFINITION + " is missing from this build");
      }
      CustomResourceDefinitions.install(client, definition, "cpa-playground");
    }
    MetricsServerStandIn standIn = new MetricsServerStandIn(client, namespace, firstSampleAfter);
    standIn.passes.start();
    return standIn;
  }

  /** Sets the CPU the pods use together, such as {@code 800m} or {@code 1.5}. */
  void useCpu(String quantity) {
    totalCpuMillis = millicores(quantity);
  }

  /** A CPU quantity in whole millicores; it must not be negative. */
  static long millicores(String quantity) {
    BigDecimal cores = Quantity.getAmountInBytes(new Quantity(quantity));
    if (cores.signum() < 0) {
      throw new IllegalArgumentException("a CPU load cannot be negative: " + quantity);
    }
    return cores.movePointRight(3).longValue();
  }

  /** Each of {@code parts} parts' share of {@code totalMillis}, in millicores. */
  static long shareOf(long totalMillis, int parts) {
    return parts == 0 ? 0 : totalMillis / parts;
  }

  /**
   * One round: a fresh PodMetrics for every Running pod that has been sampled, none for pods that
   * are gone; the load is shared by the sampled pods.
   */
  void publish() {
    Instant sampledBefore = Instant.now().minus(firstSampleAfter);
    List<Pod> pods =
        client.pods().inNamespace(namespace).list().getItems().stream()
            .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()))
            .filter(pod -> startedBefore(pod, sampledBefore))
            .toList();
    Map<String, GenericKubernetesResource> published = new HashMap<>();
    for (GenericKubernetesResource metrics : podMetrics.list().getItems()) {
      published.put(metrics.getMetadata().getName(), metrics);
    }
    long podCpuMillis = shareOf(totalCpuMillis, pods.size());
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (Pod pod : pods) {
      GenericKubernetesResource previous = published.remove(pod.getMetadata().getName());
      GenericKubernetesResource metrics = metricsOf(pod, podCpuMillis, now);
      if (previous == null) {
        podMetrics.resource(metrics).create();
      } else {
        metrics.getMetadata().setResourceVersion(previous.getMetadata().getResourceVersion());
        podMetrics.resource(metrics).update();
      }
    }
    for (String gone : published.keySet()) {
      podMetrics.withName(gone).delete();
    }
  }

  private static boolean startedBefore(Pod pod, Instant instant) {
    String start = pod.getStatus().getStartTime();
    return start == null || !Instant.parse(start).isAfter(instant);
  }

  /** The pod's metrics: its share of the load, split evenly over its containers. */
  private static GenericKubernetesResource metricsOf(Pod pod, long cpuMillis, String timestamp) {
    var containers = pod.getSpec().getContainers();
    String cpu = shareOf(cpuMillis, containers.size()) + "m";
    GenericKubernetesResource metrics = new GenericKubernetesResource();
    metrics.setApiVersion(API_VERSION);
    metrics.setKind(KIND);
    metrics.setMetadata(
        new ObjectMetaBuilder()
            .withName(pod.getMetadata().getName())
            .withLabels(Objects.requireNonNullElse(pod.getMetadata().getLabels(), Map.of()))
            .build());
    metrics.setAdditionalProperty("timestamp", timestamp);
    metrics.setAdditionalProperty("window", WINDOW.toSeconds() + "s");
    metrics.setAdditionalProperty(
        "containers",
        containers.stream()
            .map(container -> Map.of("name", container.getName(), "usage", Map.of("cpu", cpu)))
            .toList());
    return metrics;
  }

  @Override
  public void close() {
    passes.close();
  }
}
