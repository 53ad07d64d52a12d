package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.api.wire.kubernetes.MilliQuantities;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The three metrics APIs: resource metrics ({@code metrics.k8s.io}), custom metrics ({@code
 * custom.metrics.k8s.io}, v1beta2 and else v1beta1) and external metrics ({@code
 * external.metrics.k8s.io}), read as the HPA reads them.
 */
final class MetricsApiClient {

  /** Kubernetes' zero time, which stands for an unknown timestamp. */
  static final Instant UNKNOWN_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
  private static final List<String> CUSTOM_METRICS_VERSIONS = List.of("v1beta2", "v1beta1");

  /** One value of a metric: what it describes (a pod's name, or empty), when, over what window. */
  record Sample(String describedName, Instant timestamp, Duration window, long value) {}

  /** A pod's resource usage: per container, each resource's quantity. */
  record PodUsage(
      String pod, Instant timestamp, Duration window, Map<String, Map<String, String>> usage) {}

  private final KubernetesRest rest;
  private String customMetricsVersion;

  MetricsApiClient(KubernetesRest rest) {
    this.rest = rest;
  }

  /** The resource usage of the pods that {@code selector} matches. */
  List<PodUsage> podUsage(String namespace, String selector) {
    String path =
        "/apis/metrics.k8s.io/v1beta1/namespaces/"
            + encode(namespace)
            + "/pods"
            + query(Map.of("labelSelector", selector));
    List<PodUsage> pods = new ArrayList<>();
    for (JsonNode item : read(MetricsApi.RESOURCE, path).path("items")) {
      Map<String, Map<String, String>> usage = new HashMap<>();
      for (JsonNode container : item.path("containers")) {
        Map<String, String> quantities = new HashMap<>();
        container
            .path("usage")
            .fields()
            .forEachRemaining(e -> quantities.put(e.getKey(), e.getValue().asText()));
        usage.put(container.path("name").asText(), quantities);
      }
      pods.add(
          new PodUsage(
              item.path("metadata").path("name").asText(),
              timestamp(item),
              window(item.path("window").asText("")),
              usage));
    }
    return pods;
  }

  /** A custom metric of each pod that {@code selector} matches. */
  List<Sample> podsMetric(String namespace, String selector, String metric, String metricSelector) {
    return custom(
        "namespaces/"
            + encode(namespace)
            + "/pods/*/"
            + encode(metric)
            + query(Map.of("labelSelector", selector, "metricLabelSelector", metricSelector)));
  }

  /** A custom metric of one object; a Namespace object is asked about through the root path. */
  Sample objectMetric(
      String namespace, String plural, String name, String metric, String metricSelector) {
    String object =
        plural.equals("namespaces")
            ? "namespaces/" + encode(namespace) + "/metrics/"
            : "namespaces/" + encode(namespace) + "/" + plural + "/" + encode(name) + "/";
    List<Sample> samples =
        custom(object + encode(metric) + query(Map.of("metricLabelSelector", metricSelector)));
    if (samples.isEmpty()) {
      throw new KubernetesAccessException(
          "no metrics returned from custom metrics API", OptionalInt.empty(), null);
    }
    return samples.get(0);
  }

  /** Every series of an external metric that {@code selector} matches. */
  List<Sample> externalMetric(String namespace, String metric, String selector) {
    String path =
        "/apis/external.metrics.k8s.io/v1beta1/namespaces/"
            + encode(namespace)
            + "/"
            + encode(metric)
            + query(Map.of("labelSelector", selector));
    return samples(read(MetricsApi.EXTERNAL, path));
  }

  private List<Sample> custom(String relative) {
    if (customMetricsVersion != null) {
      return samples(read(MetricsApi.CUSTOM, customPath(customMetricsVersion, relative)));
    }
    KubernetesAccessException notFound = null;
    for (String version : CUSTOM_METRICS_VERSIONS) {
      try {
        List<Sample> samples = samples(rest.getJson(customPath(version, relative)));
        customMetricsVersion = version;
        return samples;
      } catch (KubernetesAccessException e) {
        if (!e.isNotFound()) {
          throw e;
        }
        notFound = e;
      }
    }
    throw explained(MetricsApi.CUSTOM, notFound);
  }

  private static String customPath(String version, String relative) {
    return "/apis/custom.metrics.k8s.io/" + version + "/" + relative;
  }

  private static List<Sample> samples(JsonNode list) {
    List<Sample> samples = new ArrayList<>();
    for (JsonNode item : list.path("items")) {
      Duration window =
          item.hasNonNull("windowSeconds")
              ? Duration.ofSeconds(item.get("windowSeconds").asLong())
              : DEFAULT_WINDOW;
      samples.add(
          new Sample(
              item.path("describedObject").path("name").asText(""),
              timestamp(item),
              window,
              MilliQuantities.milli(item.path("value").asText("0"))));
    }
    return samples;
  }

  private JsonNode read(MetricsApi api, String path) {
    try {
      return rest.getJson(path);
    } catch (KubernetesAccessException e) {
      throw explained(api, e);
    }
  }

  /**
   * {@code failure}, or, when it is a 404 and the cluster does not serve {@code api} at all, the
   * failure that says so: discovery decides, since an installed adapter answers 404 too, for a
   * metric it does not have.
   */
  private KubernetesAccessException explained(MetricsApi api, KubernetesAccessException failure) {
    if (failure.isNotFound() && !served(api)) {
      return new MetricsApiNotServed(api, failure);
    }
    return failure;
  }

  /** Whether the API server serves {@code api}'s group; an unclear answer counts as served. */
  private boolean served(MetricsApi api) {
    try {
      rest.get(api.groupPath());
      return true;
    } catch (KubernetesAccessException e) {
      return !e.isNotFound();
    }
  }

  private static Instant timestamp(JsonNode item) {
    String timestamp = item.path("timestamp").asText("");
    return timestamp.isEmpty() ? UNKNOWN_TIME : Instant.parse(timestamp);
  }

  private static Duration window(String window) {
    return window.isEmpty() ? DEFAULT_WINDOW : parseGoDuration(window);
  }

  /** The query string of the non-empty {@code parameters}, in name order. */
  private static String query(Map<String, String> parameters) {
    String query =
        new TreeMap<>(parameters)
            .entrySet().stream()
                .filter(parameter -> !parameter.getValue().isEmpty())
                .map(parameter -> parameter.getKey() + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    return query.isEmpty() ? "" : "?" + query;
  }

  private static Duration parseGoDuration(String window) {
    try {
      return io.fabric8.kubernetes.api.model.Duration.parse(window).getDuration();
    } catch (java.text.ParseException e) {
      throw new KubernetesAccessException(
          "the resource metrics API gave an invalid window \"" + window + "\"",
          OptionalInt.empty(),
          e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
