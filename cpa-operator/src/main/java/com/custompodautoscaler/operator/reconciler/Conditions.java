package com.custompodautoscaler.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Status conditions whose transition time changes only when their status does. */
final class Conditions {

  private Conditions() {}

  static Condition condition(
      List<Condition> existing,
      String type,
      boolean isTrue,
      String reason,
      String message,
      Instant now) {
    String status = isTrue ? "True" : "False";
    String since =
        Optional.ofNullable(existing).orElse(List.of()).stream()
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
