package com.custompodautoscaler.pipeline.testing;

import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/** The conditions in a CustomPodAutoscaler's status, read and waited for. */
public final class CpaConditions {

  private CpaConditions() {}

  /** A condition of {@code type} whose status is {@code status}. */
  public static Predicate<Condition> withStatus(String type, String status) {
    return c -> c.getType().equals(type) && Objects.equals(c.getStatus(), status);
  }

  /** A condition of {@code type} whose reason is {@code reason}. */
  public static Predicate<Condition> withReason(String type, String reason) {
    return c -> c.getType().equals(type) && Objects.equals(c.getReason(), reason);
  }

  /**
   * Waits, at most {@code atMost}, until CPA {@code name} has a condition that is {@code wanted};
   * returns the CPA as it was then.
   */
  public static CustomPodAutoscaler awaitCondition(
      KubernetesClient client,
      String namespace,
      String name,
      Duration atMost,
      Predicate<Condition> wanted) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                client
                    .resources(CustomPodAutoscaler.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get(),
            cpa ->
                cpa != null
                    && cpa.getStatus() != null
                    && cpa.getStatus().getConditions() != null
                    && cpa.getStatus().getConditions().stream().anyMatch(wanted));
  }

  /** The CPA's condition of {@code type}; fails when it has none. */
  public static Condition condition(CustomPodAutoscaler cpa, String type) {
    return cpa.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + cpa.getStatus()));
  }
}
