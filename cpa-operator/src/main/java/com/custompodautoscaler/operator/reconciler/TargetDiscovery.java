package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.operator.model.TargetResource;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/** Finds a target's API group and resource (plural) through discovery; kinds match in any case. */
final class TargetDiscovery {

  private TargetDiscovery() {}

  /** The target's resource, or empty when the API server serves no such kind in that version. */
  static Optional<TargetResource> resolve(KubernetesClient client, ScaleTargetReference ref) {
    APIResourceList resources = client.getApiResources(ref.getApiVersion());
    List<APIResource> all = resources == null ? List.of() : resources.getResources();
    String apiVersion = ref.getApiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return all.stream()
        .filter(resource -> !resource.getName().contains("/"))
        .filter(resource -> resource.getKind().equalsIgnoreCase(ref.getKind()))
        .findFirst()
        .map(resource -> new TargetResource(group, resource.getName()));
  }
}
