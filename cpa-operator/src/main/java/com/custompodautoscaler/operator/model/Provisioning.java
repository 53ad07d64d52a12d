package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Map;

/** What every object the operator provisions for a CustomPodAutoscaler has in common. */
public final class Provisioning {

  /** The field manager under which the operator applies objects and its part of the status. */
  public static final String FIELD_MANAGER = "cpa-operator";

  /** Labels every provisioned object with the CustomPodAutoscaler it belongs to. */
  public static final String NAME_LABEL = "custompodautoscaler.com/name";

  /**
   * With {@link #MANAGED_BY}, the Go operator's label on everything it provisions, kept so that
   * users' selectors (scripts, NetworkPolicies) go on finding the objects.
   */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  public static final String MANAGED_BY = "custom-pod-autoscaler-operator";

  /** The Go operator's label naming the CustomPodAutoscaler an object belongs to. */
  public static final String OWNED_BY_LABEL = "v1.custompodautoscaler.com/owned-by";

  /** Selects every object the operator provisions (and those the Go operator did). */
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  private Provisioning() {}

  /**
   * Metadata named after the CustomPodAutoscaler, in its namespace, labelled, and owned by it as
   * controller, so that deleting it deletes them.
   */
  public static ObjectMeta metadataFor(CustomPodAutoscaler cpa) {
    return metadataFor(cpa, cpa.getMetadata().getName());
  }

  /** As {@link #metadataFor(CustomPodAutoscaler)}, for an object named {@code name}. */
  public static ObjectMeta metadataFor(CustomPodAutoscaler cpa, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(cpa.getMetadata().getNamespace())
        .withLabels(labels(cpa))
        .withOwnerReferences(controllerReference(cpa))
        .build();
  }

  /** An owner reference that makes {@code cpa} the controller of an object. */
  public static OwnerReference controllerReference(CustomPodAutoscaler cpa) {
    return new OwnerReferenceBuilder()
        .withApiVersion(cpa.getApiVersion())
        .withKind(cpa.getKind())
        .withName(cpa.getMetadata().getName())
        .withUid(cpa.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** The labels of every provisioned object, the autoscaler's pods included. */
  public static Map<String, String> labels(CustomPodAutoscaler cpa) {
    String name = cpa.getMetadata().getName();
    return Map.of(NAME_LABEL, name, MANAGED_BY_LABEL, MANAGED_BY, OWNED_BY_LABEL, name);
  }
}
