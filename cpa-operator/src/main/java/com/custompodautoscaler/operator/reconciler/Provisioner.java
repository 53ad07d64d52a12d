package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.model.Provisioning;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies the objects the operator provisions, or, for those a CPA leaves to its user, checks that
 * they exist without touching them.
 */
final class Provisioner {

  private final KubernetesClient client;
  private final CustomPodAutoscaler cpa;
  private final ProvisioningReport report;

  Provisioner(KubernetesClient client, CustomPodAutoscaler cpa, ProvisioningReport report) {
    this.client = client;
    this.cpa = cpa;
    this.report = report;
  }

  /** Applies {@code desired} when {@code provisioned}, else reports it if it is missing. */
  void provision(Boolean provisioned, HasMetadata desired) {
    provision(provisioned, desired, List.of(desired));
  }

  /**
   * Applies {@code desired} when {@code provisioned}, else reports it if none of {@code accepted}
   * (objects that may stand in for it, itself included) exists.
   */
  void provision(Boolean provisioned, HasMetadata desired, List<HasMetadata> accepted) {
    if (Boolean.FALSE.equals(provisioned)) {
      checkLeftToUser(desired, accepted);
    } else {
      apply(desired);
    }
  }

  /** Applies {@code desired} (server-side, taking over fields others set). */
  void apply(HasMetadata desired) {
    client
        .resource(desired)
        .inNamespace(cpa.getMetadata().getNamespace())
        .fieldManager(Provisioning.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** Reports {@code desired}, left to the user, if none of {@code accepted} exists. */
  void checkLeftToUser(HasMetadata desired, List<HasMetadata> accepted) {
    String namespace = cpa.getMetadata().getNamespace();
    if (accepted.stream()
        .allMatch(object -> client.resource(object).inNamespace(namespace).get() == null)) {
      report.problem(
          accepted.stream()
                  .map(object -> object.getKind() + " " + object.getMetadata().getName())
                  .collect(Collectors.joining(" or "))
              + " is left to you (provision"
              + (desired.getKind().equals("Deployment") ? "Pod" : desired.getKind())
              + ": false) and does not exist");
    }
  }
}
