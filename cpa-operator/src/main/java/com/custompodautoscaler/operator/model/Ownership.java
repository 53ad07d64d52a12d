package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Optional;

/**
 * Whose an existing object is. The operator changes an object only when it is the CPA's own: its
 * controller owner reference is that CPA, by uid. That covers what this operator made for the CPA
 * and what the Go operator made for it before a migration (it set the same reference), and nothing
 * a user or another controller made, whatever its name or labels.
 */
public final class Ownership {

  private Ownership() {}

  /** Whether {@code object}'s controller is {@code cpa} (the same uid, not just the same name). */
  public static boolean isOwnedBy(HasMetadata object, CustomPodAutoscaler cpa) {
    return controllerOf(object)
        .filter(owner -> CustomPodAutoscaler.KIND.equals(owner.getKind()))
        .filter(owner -> cpa.getMetadata().getUid().equals(owner.getUid()))
        .isPresent();
  }

  /** Whose {@code object} is, when it is not {@code cpa}'s own, in words for a message. */
  public static String holder(HasMetadata object, CustomPodAutoscaler cpa) {
    if (isTargetOf(object, cpa)) {
      return "it is this CPA's scale target";
    }
    Optional<OwnerReference> controller = controllerOf(object);
    if (controller.isEmpty()) {
      return "no controller owns it";
    }
    OwnerReference owner = controller.get();
    if (CustomPodAutoscaler.KIND.equals(owner.getKind())
        && cpa.getMetadata().getName().equals(owner.getName())) {
      return "an earlier CustomPodAutoscaler of this name (uid "
          + owner.getUid()
          + ") controls it until Kubernetes garbage-collects it";
    }
    return owner.getKind() + " " + owner.getName() + " controls it";
  }

  /** The owner reference marked as controller, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    return Optional.ofNullable(object.getMetadata().getOwnerReferences()).orElse(List.of()).stream()
        .filter(owner -> Boolean.TRUE.equals(owner.getController()))
        .findFirst();
  }

  /** Whether {@code object} is {@code cpa}'s scale target. */
  public static boolean isTargetOf(HasMetadata object, CustomPodAutoscaler cpa) {
    ScaleTargetReference target = cpa.getSpec().getScaleTargetRef();
    return object.getKind().equalsIgnoreCase(target.getKind())
        && object.getMetadata().getName().equals(target.getName())
        && object.getApiVersion().equals(target.getApiVersion());
  }
}
