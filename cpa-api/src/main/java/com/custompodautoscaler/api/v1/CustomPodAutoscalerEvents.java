package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Events on a CustomPodAutoscaler, as the operator and the autoscaler record them. */
public final class CustomPodAutoscalerEvents {

  private CustomPodAutoscalerEvents() {}

  /**
   * The first occurrence, at {@code now}, of an event on {@code cpa} from {@code component}, in the
   * CPA's namespace; naming it is left to the caller.
   */
  public static Event first(
      ObjectReference cpa,
      String component,
      String type,
      String reason,
      String message,
      Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(cpa.getNamespace())
        .endMetadata()
        .withInvolvedObject(cpa)
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withNewSource()
        .withComponent(component)
        .endSource()
        .withReportingComponent(component)
        .build();
  }
}
