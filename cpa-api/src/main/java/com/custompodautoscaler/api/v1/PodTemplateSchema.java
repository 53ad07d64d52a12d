package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * The schema of {@code spec.template}, on purpose much smaller than a pod template's: it requires
 * {@code spec.containers} and leaves everything else open, which keeps the CRD small; the API
 * server validates the whole template when the operator creates the autoscaler's Deployment. Only
 * the CRD generator reads this class.
 */
@PreserveUnknownFields
public final class PodTemplateSchema {

  @Required @JsonProperty private Spec spec;

  private PodTemplateSchema() {}

  /** The pod spec: containers are required. */
  @PreserveUnknownFields
  public static final class Spec {
    @Required @JsonProperty private List<Container> containers;

    private Spec() {}
  }

  /** A container, left open. */
  @PreserveUnknownFields
  public static final class Container {
    private Container() {}
  }
}
