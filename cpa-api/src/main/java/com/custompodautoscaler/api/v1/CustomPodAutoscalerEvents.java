package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events on CustomPodAutoscalers, as the operator and the autoscaler record them, deduplicated as
 * Kubernetes deduplicates its own: an event that repeats one already recorded on the same CPA (same
 * type, reason and message) raises that event's count and last timestamp instead of adding another.
 * A failure to write throws {@link KubernetesClientException}; what to do with it is the caller's.
 */
public final class CustomPodAutoscalerEvents {

  /** How many recent events are remembered for deduplication, across all CPAs. */
  private static final int REMEMBERED = 1024;

  private final KubernetesClient client;
  private final String component;
  private final Map<String, Recorded> recorded =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** Records events from {@code component} (the event's source) through {@code client}. */
  public CustomPodAutoscalerEvents(KubernetesClient client, String component) {
    this.client = client;
    this.component = component;
  }

  /** A reference to a CPA not read yet, for the events' {@code involvedObject}: no uid. */
  public static ObjectReference referenceTo(String namespace, String name) {
    ObjectReference reference = new ObjectReference();
    reference.setApiVersion(CustomPodAutoscaler.GROUP + "/v1");
    reference.setKind(CustomPodAutoscaler.KIND);
    reference.setNamespace(namespace);
    reference.setName(name);
    return reference;
  }

  /** A reference to {@code cpa} for the events' {@code involvedObject}. */
  public static ObjectReference referenceTo(CustomPodAutoscaler cpa) {
    ObjectReference reference =
        referenceTo(cpa.getMetadata().getNamespace(), cpa.getMetadata().getName());
    reference.setUid(cpa.getMetadata().getUid());
    return reference;
  }

  /** Records an event of {@code type} (Normal or Warning) on {@code cpa} at {@code now}. */
  public synchronized void record(
      ObjectReference cpa, String type, String reason, String message, Instant now) {
    String key = String.join("\n", cpa.getNamespace(), cpa.getName(), type, reason, message);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Recorded earlier = recorded.get(key);
    if (earlier != null && repeated(cpa, earlier, time)) {
      recorded.put(key, new Recorded(earlier.name(), earlier.count() + 1));
      return;
    }
    Event made =
        client
            .v1()
            .events()
            .inNamespace(cpa.getNamespace())
            .resource(first(cpa, type, reason, message, time))
            .create();
    recorded.put(key, new Recorded(made.getMetadata().getName(), 1));
  }

  /**
   * Raises the count of an event recorded earlier; false when it is gone (events expire), so that a
   * new one is recorded.
   */
  private boolean repeated(ObjectReference cpa, Recorded earlier, String time) {
    try {
      client
          .v1()
          .events()
          .inNamespace(cpa.getNamespace())
          // Named by an object, not withName: the client would read the event first, which an
          // autoscaler's Role, holding only create and patch on events, does not allow.
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(earlier.name())
                  .withNamespace(cpa.getNamespace())
                  .endMetadata()
                  .build())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"count\":" + (earlier.count() + 1) + ",\"lastTimestamp\":\"" + time + "\"}");
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private Event first(
      ObjectReference cpa, String type, String reason, String message, String time) {
    return new EventBuilder()
        .withNewMetadata()
        .withGenerateName(cpa.getName() + ".")
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

  private record Recorded(String name, int count) {}
}
