package com.custompodautoscaler.pipeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster with metrics-server, as far as an autoscaler sees one: a Deployment ({@code web} unless
 * named otherwise) whose pods follow its replicas at once (as its controller would make them),
 * every pod Running and Ready and requesting 100m CPU, and a CPU load the test sets, shared evenly
 * by the pods. A bare kube-apiserver serves no metrics, so fabric8's mock server answers every
 * path.
 */
public final class MetricsServerCluster implements AutoCloseable {

  /** Each pod's CPU request, in millicores. */
  public static final int CPU_REQUEST_MILLIS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DISCOVERY =
      "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\",\"resources\":["
          + "{\"name\":\"deployments\",\"singularName\":\"\",\"namespaced\":true,"
          + "\"kind\":\"Deployment\",\"verbs\":[\"get\"]},"
          + "{\"name\":\"deployments/scale\",\"singularName\":\"\",\"namespaced\":true,"
          + "\"kind\":\"Scale\",\"verbs\":[\"get\",\"patch\"]}]}";

  private final KubernetesMockServer server = new KubernetesMockServer(false);
  private final String namespace;
  private final String name;
  private final AtomicInteger replicas;
  private final AtomicLong cpuMillis = new AtomicLong();

  public MetricsServerCluster(String namespace, int replicas) {
    this(namespace, "web", replicas);
  }

  /** A cluster whose Deployment is called {@code name}; its pods are labelled {@code app=name}. */
  public MetricsServerCluster(String namespace, String name, int replicas) {
    this.namespace = namespace;
    this.name = name;
    this.replicas = new AtomicInteger(replicas);
    server.init();
    String deployment = "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
    String selector = "?labelSelector=app%3D" + name;
    server
        .expect()
        .get()
        .withPath("/version")
        .andReturn(200, "{\"major\":\"1\",\"minor\":\"20\",\"gitVersion\":\"v1.20.2\"}")
        .always();
    server.expect().get().withPath("/apis/apps/v1").andReturn(200, DISCOVERY).always();
    server.expect().get().withPath(deployment).andReply(200, request -> deployment()).always();
    server
        .expect()
        .get()
        .withPath(deployment + "/scale")
        .andReply(200, request -> scale())
        .always();
    server
        .expect()
        .patch()
        .withPath(deployment + "/scale")
        .andReply(
            200,
            request -> {
              this.replicas.set(patchedReplicas(request.getBody().readUtf8()));
              return scale();
            })
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/" + namespace + "/pods" + selector)
        .andReply(200, request -> pods())
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/metrics.k8s.io/v1beta1/namespaces/" + namespace + "/pods" + selector)
        .andReply(200, request -> podMetrics())
        .always();
  }

  /** Sets the CPU the pods use together, in millicores. */
  public void useCpu(long totalMillis) {
    cpuMillis.set(totalMillis);
  }

  public int replicas() {
    return replicas.get();
  }

  /** Writes a kubeconfig for this cluster into {@code dir}. */
  public Path writeKubeconfig(Path dir) throws IOException {
    String url = server.url("/").replaceAll("/$", "");
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters: [{name: mock, cluster: {server: \"" + url + "\"}}]",
            "users: [{name: mock, user: {token: mock}}]",
            "contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: "
                + namespace
                + "}}]",
            "current-context: mock",
            ""));
    return kubeconfig;
  }

  private String deployment() {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + namespace
        + "\"},\"spec\":{\"replicas\":"
        + replicas.get()
        + ",\"selector\":{\"matchLabels\":{\"app\":\""
        + name
        + "\"}}},\"status\":{\"replicas\":"
        + replicas.get()
        + "}}";
  }

  private String scale() {
    return "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"replicas\":"
        + replicas.get()
        + "},\"status\":{\"replicas\":"
        + replicas.get()
        + ",\"selector\":\"app="
        + name
        + "\"}}";
  }

  private String pods() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < replicas.get(); i++) {
      items.add(
          "{\"metadata\":{\"name\":\""
              + name
              + "-"
              + i
              + "\",\"namespace\":\""
              + namespace
              + "\",\"labels\":{\"app\":\""
              + name
              + "\"}},\"spec\":{\"containers\":[{\"name\":\"app\","
              + "\"image\":\"web:1\",\"resources\":{\"requests\":{\"cpu\":\""
              + CPU_REQUEST_MILLIS
              + "m\"}}}]},\"status\":{\"phase\":\"Running\","
              + "\"startTime\":\"2026-01-01T00:00:00Z\",\"conditions\":[{\"type\":\"Ready\","
              + "\"status\":\"True\",\"lastTransitionTime\":\"2026-01-01T00:00:10Z\"}]}}");
    }
    return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":["
        + String.join(",", items)
        + "]}";
  }

  private String podMetrics() {
    int count = replicas.get();
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long each = count == 0 ? 0 : cpuMillis.get() / count;
      items.add(
          "{\"metadata\":{\"name\":\""
              + name
              + "-"
              + i
              + "\"},\"timestamp\":\""
              + Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS)
              + "\",\"window\":\"30s\",\"containers\":[{\"name\":\"app\",\"usage\":{\"cpu\":\""
              + each
              + "m\"}}]}");
    }
    return "{\"kind\":\"PodMetricsList\",\"items\":[" + String.join(",", items) + "]}";
  }

  private static int patchedReplicas(String jsonPatch) {
    try {
      JsonNode patch = JSON.readTree(jsonPatch);
      return patch.get(0).path("value").asInt();
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON patch: " + jsonPatch, e);
    }
  }

  @Override
  public void close() {
    server.destroy();
  }
}
