package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * An external metrics adapter as the HPA controller and the autoscaler see one, for the metric
 * {@value #METRIC}: its one series per namespace is an ExternalMetricValue object that the API
 * server itself serves at the external metrics API's path, through the custom resource definition
 * of {@code hpa-comparison/queue-depth-metric.yaml}.
 */
final class ExternalMetricStandIn {

  static final String METRIC = "queue-depth";
  private static final String DEFINITION = "/hpa-comparison/queue-depth-metric.yaml";
  private static final String API_VERSION = "external.metrics.k8s.io/v1beta1";
  private static final String FIELD_MANAGER = "external-metric-stand-in";

  private final KubernetesClient client;

  private ExternalMetricStandIn(KubernetesClient client) {
    this.client = client;
  }

  /** Defines the metric and waits until the API server serves it. */
  static ExternalMetricStandIn define(KubernetesClient client) throws IOException {
    try (InputStream definition = ExternalMetricStandIn.class.getResourceAsStream(DEFINITION)) {
      if (definition == null) {
        throw new IOException(DEFINITION + " is missing from the test resources");
      }
      CustomResourceDefinitions.install(client, definition, FIELD_MANAGER);
    }
    return new ExternalMetricStandIn(client);
  }

  /** Makes the metric's series in {@code namespace} read {@code value}, now. */
  void publish(String namespace, long value) {
    GenericKubernetesResource series = new GenericKubernetesResource();
    series.setApiVersion(API_VERSION);
    series.setKind("ExternalMetricValue");
    series.setMetadata(new ObjectMetaBuilder().withName(METRIC).withNamespace(namespace).build());
    series.setAdditionalProperty("metricName", METRIC);
    series.setAdditionalProperty("metricLabels", Map.of());
    series.setAdditionalProperty(
        "timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    series.setAdditionalProperty("value", String.valueOf(value));
    client
        .genericKubernetesResources(API_VERSION, "ExternalMetricValue")
        .inNamespace(namespace)
        .resource(series)
        .fieldManager(FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }
}
