package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.core.port.TargetReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The target, its {@code scale} subresource and its pods, through the Kubernetes API. Objects are
 * handed to user logic as the API server sent them, with keys in alphabetical order as CPA v2
 * writes them.
 */
public final class KubernetesTargetClient implements ScaleClient, TargetReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper SORTED =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final String JSON_PATCH = "application/json-patch+json";

  private final KubernetesRest rest;
  private final ApiResourceResolver resolver;

  public KubernetesTargetClient(KubernetesClient client) {
    this.rest = new KubernetesRest(client);
    this.resolver = new ApiResourceResolver(client);
  }

  @Override
  public KubernetesObject readTarget(TargetRef target, String namespace) {
    String path = resolver.resolve(target).objectPath(namespace, target.name());
    return toObject(path, rest.getJson(path));
  }

  @Override
  public ScaleState readScale(TargetRef target, String namespace) {
    String path = resolver.resolve(target).scalePath(namespace, target.name());
    JsonNode scale = rest.getJson(path);
    return new ScaleState(
        scale.path("spec").path("replicas").asInt(0),
        scale.path("status").path("replicas").asInt(0),
        scale.path("status").path("selector").asText(""));
  }

  /** A JSON patch of {@code /spec/replicas}; "add" works whether or not the field is present. */
  @Override
  public void setReplicas(TargetRef target, String namespace, int replicas) {
    String path = resolver.resolve(target).scalePath(namespace, target.name());
    rest.patch(
        path,
        JSON_PATCH,
        "[{\"op\":\"add\",\"path\":\"/spec/replicas\",\"value\":" + replicas + "}]");
  }

  @Override
  public List<KubernetesObject> listPods(String namespace, String selector) {
    String path =
        "/api/v1/namespaces/"
            + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
            + "/pods?labelSelector="
            + URLEncoder.encode(selector, StandardCharsets.UTF_8);
    List<KubernetesObject> pods = new ArrayList<>();
    for (JsonNode item : rest.getJson(path).path("items")) {
      pods.add(toObject(path, item));
    }
    return pods;
  }

  private static KubernetesObject toObject(String path, JsonNode object) {
    try {
      Map<String, Object> tree =
          JSON.convertValue(object, new TypeReference<Map<String, Object>>() {});
      return new KubernetesObject(
          object.path("metadata").path("name").asText(), SORTED.writeValueAsString(tree));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new KubernetesAccessException(
          path + ": cannot re-encode the object: " + e.getMessage(), OptionalInt.empty(), e);
    }
  }
}
