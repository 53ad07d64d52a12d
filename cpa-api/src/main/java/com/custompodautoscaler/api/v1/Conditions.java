package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Status conditions whose transition time changes only when their status does, for the parts of a
 * CustomPodAutoscaler's status that the operator and the autoscaler each write.
 */
public final class Conditions {

  private Conditions() {}

  /**
   * The condition {@code type} as now reported, keeping the {@code lastTransitionTime} of the one
   * in {@code previous} (which may be null) when its status is the same, else {@code now}.
   */
  public static Condition condition(
      List<Condition> previous,
      String type,
      boolean isTrue,
      String reason,
      String message,
      Instant now) {
    String status = isTrue ? "True" : "False";
    String since =
        Optional.ofNullable(previous).orElse(List.of()).stream()
            .filter(
                condition ->
                    condition.getType().equals(type) && status.equals(condition.getStatus()))
            .map(Condition::getLastTransitionTime)
            .findFirst()
            .orElse(now.toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(since)
        .build();
  }
}
