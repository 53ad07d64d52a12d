package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events the operator records on a CustomPodAutoscaler, a repeated one counted on the first; one
 * that cannot be recorded is logged.
 */
final class OperatorEvents {

  private static final Logger log = LoggerFactory.getLogger(OperatorEvents.class);
  private static final String COMPONENT = "cpa-operator";

  private final CustomPodAutoscalerEvents events;
  private final Clock clock;

  OperatorEvents(KubernetesClient client, Clock clock) {
    this.events = new CustomPodAutoscalerEvents(client, COMPONENT);
    this.clock = clock;
  }

  void normal(CustomPodAutoscaler cpa, String reason, String message) {
    record(cpa, "Normal", reason, message);
  }

  void warning(CustomPodAutoscaler cpa, String reason, String message) {
    record(cpa, "Warning", reason, message);
  }

  private void record(CustomPodAutoscaler cpa, String type, String reason, String message) {
    try {
      events.record(
          CustomPodAutoscalerEvents.referenceTo(cpa), type, reason, message, clock.instant());
    } catch (KubernetesClientException e) {
      log.warn(
          "event not recorded cpa={}/{} reason={} status={}: {}",
          cpa.getMetadata().getNamespace(),
          cpa.getMetadata().getName(),
          reason,
          e.getCode(),
          e.getMessage());
    }
  }
}
