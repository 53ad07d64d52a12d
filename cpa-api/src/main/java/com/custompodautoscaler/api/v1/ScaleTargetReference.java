package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

/** The resource a CustomPodAutoscaler scales (a CrossVersionObjectReference). */
@JsonPropertyOrder({"apiVersion", "kind", "name"})
public class ScaleTargetReference {

  @Required private String apiVersion;
  @Required private String kind;
  @Required private String name;

  public ScaleTargetReference() {}

  public ScaleTargetReference(String apiVersion, String kind, String name) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.name = name;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
