package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.model.Provisioning;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

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
    String namespace = cpa.getMetadata().getNamespace();
    if (!Boolean.FALSE.equals(provisioned)) {
      client
          .resource(desired)
          .inNamespace(namespace)
          .fieldManager(Provisioning.FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
      return;
    }
    if (client.resource(desired).inNamespace(namespace).get() == null) {
      report.problem(
          desired.getKind()
              + " "
              + desired.getMetadata().getName()
              + " is left to you (provision"
              + (desired.getKind().equals("Deployment") ? "Pod" : desired.getKind())
              + ": false) and does not exist");
    }
  }
}
