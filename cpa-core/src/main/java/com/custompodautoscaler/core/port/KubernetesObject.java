package com.custompodautoscaler.core.port;

import java.util.Objects;

/** A Kubernetes object as user logic receives it: its name and its JSON document. */
public record KubernetesObject(String name, String json) {

  public KubernetesObject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(json, "json");
  }
}
