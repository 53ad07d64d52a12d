package com.custompodautoscaler.api.v1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A CustomPodAutoscaler: one autoscaler, which the operator provisions and runs. */
@Group(CustomPodAutoscaler.GROUP)
@Version(value = "v1", storage = true, served = true)
@Kind("CustomPodAutoscaler")
@Plural("custompodautoscalers")
@Singular("custompodautoscaler")
@ShortNames("cpa")
@AdditionalPrinterColumn(
    name = "Target",
    jsonPath = ".spec.scaleTargetRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Current",
    jsonPath = ".status.currentReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.desiredReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Last Scale",
    jsonPath = ".status.lastScaleTime",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Host",
    jsonPath = ".status.hostReplica",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class CustomPodAutoscaler
    extends CustomResource<CustomPodAutoscalerSpec, CustomPodAutoscalerStatus>
    implements Namespaced {

  /** The API group of CustomPodAutoscalers. */
  public static final String GROUP = "custompodautoscaler.com";

  /** The kind, as owner references and events name it. */
  public static final String KIND = "CustomPodAutoscaler";

  private static final long serialVersionUID = 1L;

  /**
   * A CPA named {@code name} that scales {@code target} with one container, {@code autoscaler},
   * running {@code image}; everything else is left at its default.
   */
  public static CustomPodAutoscaler of(String name, ScaleTargetReference target, String image) {
    CustomPodAutoscaler cpa = new CustomPodAutoscaler();
    cpa.getMetadata().setName(name);
    CustomPodAutoscalerSpec spec = new CustomPodAutoscalerSpec();
    spec.setScaleTargetRef(target);
    spec.setTemplate(
        new PodTemplateSpecBuilder()
            .withNewSpec()
            .addNewContainer()
            .withName("autoscaler")
            .withImage(image)
            .endContainer()
            .endSpec()
            .build());
    cpa.setSpec(spec);
    return cpa;
  }
}
