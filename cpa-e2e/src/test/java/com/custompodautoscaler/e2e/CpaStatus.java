package com.custompodautoscaler.e2e;

import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;

/** What a CustomPodAutoscaler's status says, read and waited for. */
final class CpaStatus {

  private CpaStatus() {}

  /** Waits until CPA {@code name} has condition {@code type} with {@code reason}; returns it. */
  static CustomPodAutoscaler awaitCondition(
      KubernetesClient admin, String namespace, String name, String type, String reason) {
    return await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                admin
                    .resources(CustomPodAutoscaler.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get(),
            cpa ->
                cpa != null
                    && cpa.getStatus() != null
                    && cpa.getStatus().getConditions().stream()
                        .anyMatch(
                            c ->
                                c.getType().equals(type) && Objects.equals(c.getReason(), reason)));
  }

  static Condition condition(CustomPodAutoscaler cpa, String type) {
    return cpa.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
