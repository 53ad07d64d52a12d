package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * An object the operator would provision exists already and is not the CPA's own: the operator
 * leaves it alone. Says what holds it and what the user can do.
 *
 * @param kind the object's kind
 * @param name its name, the CPA's
 * @param holder whose it is, from {@link Ownership#holder}
 * @param provisionKey the {@code spec} key that leaves an object of this kind to the user
 * @param isTarget whether it is the CPA's own scale target, which must not be deleted
 */
public record NameConflict(
    String kind, String name, String holder, String provisionKey, boolean isTarget) {

  /**
   * The conflict over {@code existing}, an object of a kind the operator provisions, which is not
   * {@code cpa}'s own.
   */
  public static NameConflict over(HasMetadata existing, CustomPodAutoscaler cpa) {
    return new NameConflict(
        existing.getKind(),
        existing.getMetadata().getName(),
        Ownership.holder(existing, cpa),
        provisionKeyOf(existing.getKind()),
        Ownership.isTargetOf(existing, cpa));
  }

  /** The object, as {@code Kind name}. */
  public String object() {
    return kind + " " + name;
  }

  /** For the CPA's status and event: what is wrong and what to do. */
  public String message() {
    String left =
        object()
            + " exists and is not this CPA's ("
            + holder
            + "), so the operator leaves it alone and provisions nothing after it. ";
    if (isTarget) {
      return left
          + "The autoscaler's objects are named after the CPA: give the CPA another name, such as "
          + name
          + "-autoscaler";
    }
    return left
        + "Rename the CPA, delete "
        + object()
        + " if nothing needs it, or set spec."
        + provisionKey
        + ": false to use it as it is";
  }

  private static String provisionKeyOf(String kind) {
    return switch (kind) {
      case "ServiceAccount" -> "provisionServiceAccount";
      case "Role" -> "provisionRole";
      case "RoleBinding" -> "provisionRoleBinding";
      case "Deployment" -> "provisionPod";
      default -> throw new IllegalArgumentException("the operator provisions no " + kind);
    };
  }
}
