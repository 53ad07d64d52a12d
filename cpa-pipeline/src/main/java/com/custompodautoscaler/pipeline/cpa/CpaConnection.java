package com.custompodautoscaler.pipeline.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerEvents;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.StatusApply;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.pipeline.kubernetes.ClientErrors;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CustomPodAutoscaler an autoscaler runs for, read once at start: its reporter and its
 * decision-state store both write the autoscaler's part of the status through it. Each write sends
 * that whole part (server-side apply, one field manager, so the operator's fields stay the
 * operator's), starting from the part as last written, so neither writer drops the other's fields.
 * Once a reporter reports the runs, the decision state a run saves is written with its report, in
 * one request, rather than on its own.
 */
public final class CpaConnection {

  private static final Logger log = LoggerFactory.getLogger(CpaConnection.class);
  static final String FIELD_MANAGER = "cpa-autoscaler";

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final ObjectReference reference;
  private final boolean found;
  private CustomPodAutoscalerStatus written;
  private CustomPodAutoscalerStatus staged;
  private boolean reported;

  private CpaConnection(
      KubernetesClient client, String namespace, String name, CustomPodAutoscaler found) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.reference =
        found == null
            ? CustomPodAutoscalerEvents.referenceTo(namespace, name)
            : CustomPodAutoscalerEvents.referenceTo(found);
    this.found = found != null;
    this.written =
        found == null || found.getStatus() == null
            ? new CustomPodAutoscalerStatus()
            : AutoscalerStatus.autoscalersPart(found.getStatus());
  }

  /**
   * Reads the CustomPodAutoscaler {@code namespace/name}; a missing one is reported and written to
   * once it exists.
   */
  public static CpaConnection connect(KubernetesClient client, String namespace, String name) {
    CustomPodAutoscaler found = null;
    try {
      found = read(client, namespace, name);
      if (found == null) {
        log.warn(
            "CustomPodAutoscaler {}/{} not found; starting without its stabilization window",
            namespace,
            name);
      }
    } catch (KubernetesClientException e) {
      log.warn(
          "cannot read CustomPodAutoscaler {}/{}: {}", namespace, name, ClientErrors.describe(e));
    }
    return new CpaConnection(client, namespace, name, found);
  }

  /** The connection to {@code found}, as read already (from a watch cache, say). */
  public static CpaConnection of(KubernetesClient client, CustomPodAutoscaler found) {
    return new CpaConnection(
        client, found.getMetadata().getNamespace(), found.getMetadata().getName(), found);
  }

  /**
   * Reports the runs for {@code target} to the CustomPodAutoscaler; from now on the decision state
   * a run saves waits for the run's report.
   */
  public CpaReporter reporter(TargetRef target, Clock clock) {
    reported = true;
    return new CpaReporter(this, target, clock);
  }

  /** Keeps the decision state in the CustomPodAutoscaler's status. */
  public DecisionStateStore decisionStateStore() {
    return new CpaStatusDecisionStateStore(this);
  }

  /** The CustomPodAutoscaler as the API server has it now; null when there is none. */
  CustomPodAutoscaler read() {
    return read(client, namespace, name);
  }

  /**
   * Whether the CPA was there when the connection was made: {@link #current} then holds the
   * autoscaler's part of its status as the API server has it or is to have it, as far as this
   * connection knows.
   */
  boolean found() {
    return found;
  }

  /**
   * The autoscaler's part of the status as it is to be: as last written (or found at start), with
   * the decision state saved since.
   */
  CustomPodAutoscalerStatus current() {
    return staged != null ? staged : written;
  }

  /**
   * Keeps {@code status}, the autoscaler's part with a new decision state: until the report of the
   * run that saved it writes it when a reporter reports the runs, else written now.
   *
   * @throws KubernetesClientException when it is written now and the API server refuses it
   */
  void saveDecisionState(CustomPodAutoscalerStatus status) {
    if (reported) {
      staged = status;
    } else {
      write(status);
    }
  }

  /**
   * Writes {@code status} as the autoscaler's whole part of the status, the decision state saved
   * since the last write in it; nothing when it is what was last written, which then still stands,
   * as the same apply would leave it.
   *
   * @throws KubernetesClientException when the API server refuses it or cannot be reached
   */
  void write(CustomPodAutoscalerStatus status) {
    if (Serialization.asJson(status).equals(Serialization.asJson(written))) {
      return;
    }
    StatusApply.apply(client, StatusApply.patch(namespace, name, status), FIELD_MANAGER);
    written = status;
    staged = null;
  }

  KubernetesClient client() {
    return client;
  }

  /** The CustomPodAutoscaler as events name it. */
  ObjectReference reference() {
    return reference;
  }

  /** {@code namespace/name}, for log lines. */
  String describe() {
    return namespace + "/" + name;
  }

  private static CustomPodAutoscaler read(KubernetesClient client, String namespace, String name) {
    return client.resources(CustomPodAutoscaler.class).inNamespace(namespace).withName(name).get();
  }
}
