package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Map;

/** What every object the operator provisions for a CustomPodAutoscaler has in common. */
public final class Provisioning {

  /** The field manager under which the operator applies objects and its part of the status. */
  public static final String FIELD_MANAGER = "cpa-operator";

  /** Labels every provisioned object with the CustomPodAutoscaler it belongs to. */
  public static final String NAME_LABEL = "custompodautoscaler.com/name";

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  private Provisioning() {}

  /**
   * Metadata named after the CustomPodAutoscaler, in its namespace, labelled, and owned by it as
   * controller, so that deleting it deletes them.
   */
  public static ObjectMeta metadataFor(CustomPodAutoscaler cpa) {
    return new ObjectMetaBuilder()
        .withName(cpa.getMetadata().getName())
        .withNamespace(cpa.getMetadata().getNamespace())
        .withLabels(labels(cpa))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(cpa.getApiVersion())
                .withKind(cpa.getKind())
                .withName(cpa.getMetadata().getName())
                .withUid(cpa.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .build();
  }

  public static Map<String, String> labels(CustomPodAutoscaler cpa) {
    return Map.of(NAME_LABEL, cpa.getMetadata().getName(), MANAGED_BY_LABEL, FIELD_MANAGER);
  }
}
