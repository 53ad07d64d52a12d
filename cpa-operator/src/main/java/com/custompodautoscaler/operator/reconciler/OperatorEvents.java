package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerEvents;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events the operator records on a CustomPodAutoscaler; one that cannot be recorded is logged. */
final class OperatorEvents {

  private static final Logger log = LoggerFactory.getLogger(OperatorEvents.class);
  private static final String COMPONENT = "cpa-operator";

  private final Clock clock;

  OperatorEvents(Clock clock) {
    this.clock = clock;
  }

  void normal(KubernetesClient client, CustomPodAutoscaler cpa, String reason, String message) {
    String namespace = cpa.getMetadata().getNamespace();
    ObjectReference reference =
        new ObjectReferenceBuilder()
            .withApiVersion(cpa.getApiVersion())
            .withKind(cpa.getKind())
            .withNamespace(namespace)
            .withName(cpa.getMetadata().getName())
            .withUid(cpa.getMetadata().getUid())
            .build();
    Event event =
        CustomPodAutoscalerEvents.first(
            reference, COMPONENT, "Normal", reason, message, clock.instant());
    event.getMetadata().setGenerateName(cpa.getMetadata().getName() + ".");
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      log.warn(
          "event not recorded cpa={}/{} reason={} status={}: {}",
          namespace,
          cpa.getMetadata().getName(),
          reason,
          e.getCode(),
          e.getMessage());
    }
  }
}
