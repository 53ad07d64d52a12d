package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Maps a target's API version and kind to its resource through discovery, as CPA v2's REST mapper
 * does, and checks that it can be scaled: it must be namespaced and have a {@code scale}
 * subresource. Kinds match ignoring case. A successful answer is kept for the life of the process.
 */
final class ApiResourceResolver {

  private final KubernetesClient client;
  private final Map<String, ApiResource> resolved = new ConcurrentHashMap<>();

  ApiResourceResolver(KubernetesClient client) {
    this.client = client;
  }

  ApiResource resolve(TargetRef target) {
    String key = target.apiVersion() + "/" + target.kind().toLowerCase();
    ApiResource known = resolved.get(key);
    if (known != null) {
      return known;
    }
    ApiResource found = discover(target);
    resolved.put(key, found);
    return found;
  }

  /**
   * The plural resource name of {@code target}'s kind, which paths naming an object of any kind
   * use, such as the custom metrics API's.
   */
  String plural(TargetRef target) {
    return match(target, served(target)).getName();
  }

  private ApiResource discover(TargetRef target) {
    List<APIResource> all = served(target);
    APIResource match = match(target, all);
    if (Boolean.FALSE.equals(match.getNamespaced())) {
      throw refusal(target, "is cluster-scoped; only namespaced resources can be autoscaled");
    }
    boolean scalable =
        all.stream().anyMatch(resource -> resource.getName().equals(match.getName() + "/scale"));
    if (!scalable) {
      throw refusal(target, "has no scale subresource, so its replicas cannot be set");
    }
    return new ApiResource(target.group(), target.version(), match.getName(), match.getKind());
  }

  private List<APIResource> served(TargetRef target) {
    APIResourceList resources = resourcesOf(target.apiVersion());
    return resources == null ? List.of() : resources.getResources();
  }

  private static APIResource match(TargetRef target, List<APIResource> all) {
    return all.stream()
        .filter(resource -> !resource.getName().contains("/"))
        .filter(resource -> resource.getKind().equalsIgnoreCase(target.kind()))
        .findFirst()
        .orElseThrow(() -> noMatch(target, all));
  }

  private APIResourceList resourcesOf(String apiVersion) {
    try {
      return client.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      throw new KubernetesAccessException(
          "discovery of " + apiVersion + " failed: " + ClientErrors.describe(e),
          e.getCode() > 0 ? OptionalInt.of(e.getCode()) : OptionalInt.empty(),
          e);
    }
  }

  private static KubernetesAccessException noMatch(TargetRef target, List<APIResource> all) {
    String kinds =
        all.stream()
            .filter(resource -> !resource.getName().contains("/"))
            .map(APIResource::getKind)
            .sorted()
            .collect(Collectors.joining(", "));
    String hint = kinds.isEmpty() ? "the API server serves no such version" : "it serves " + kinds;
    return new KubernetesAccessException(
        "no matches for kind \""
            + target.kind()
            + "\" in version \""
            + target.apiVersion()
            + "\" ("
            + hint
            + ")",
        OptionalInt.empty(),
        null);
  }

  private static KubernetesAccessException refusal(TargetRef target, String reason) {
    return new KubernetesAccessException(
        "kind " + target.kind() + " in " + target.apiVersion() + " " + reason,
        OptionalInt.empty(),
        null);
  }
}
