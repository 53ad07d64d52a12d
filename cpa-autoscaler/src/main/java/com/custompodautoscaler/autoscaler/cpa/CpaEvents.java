package com.custompodautoscaler.autoscaler.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerEvents;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events on the CustomPodAutoscaler, deduplicated as Kubernetes deduplicates its own: an event that
 * repeats one already recorded (same type, reason and message) raises that event's count and last
 * timestamp instead of adding another.
 */
final class CpaEvents {

  private static final String COMPONENT = "cpa-autoscaler";
  private static final int REMEMBERED = 64;

  private final KubernetesClient client;
  private final ObjectReference cpa;
  private final Map<String, Recorded> recorded =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
          return size() > REMEMBERED;
        }
      };

  CpaEvents(KubernetesClient client, ObjectReference cpa) {
    this.client = client;
    this.cpa = cpa;
  }

  /** A reference to the CPA for the events' {@code involvedObject}. */
  static ObjectReference referenceTo(CustomPodAutoscaler found, String namespace, String name) {
    ObjectReference reference = new ObjectReference();
    reference.setApiVersion(CustomPodAutoscaler.GROUP + "/v1");
    reference.setKind("CustomPodAutoscaler");
    reference.setNamespace(namespace);
    reference.setName(name);
    if (found != null) {
      reference.setUid(found.getMetadata().getUid());
    }
    return reference;
  }

  void record(String type, String reason, String message, Instant now) {
    String key = type + "\n" + reason + "\n" + message;
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Recorded earlier = recorded.get(key);
    if (earlier != null) {
      int count = earlier.count() + 1;
      client
          .v1()
          .events()
          .inNamespace(cpa.getNamespace())
          .withName(earlier.name())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"count\":" + count + ",\"lastTimestamp\":\"" + time + "\"}");
      recorded.put(key, new Recorded(earlier.name(), count));
      return;
    }
    String name =
        cpa.getName() + "." + Long.toHexString(now.toEpochMilli() * 1000 + recorded.size());
    Event event = CustomPodAutoscalerEvents.first(cpa, COMPONENT, type, reason, message, now);
    event.getMetadata().setName(name);
    client.v1().events().inNamespace(cpa.getNamespace()).resource(event).create();
    recorded.put(key, new Recorded(name, 1));
  }

  private record Recorded(String name, int count) {}
}
