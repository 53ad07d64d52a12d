package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.model.GoOperatorPod;
import com.custompodautoscaler.operator.model.Provisioning;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the bare Pod the Go operator left running for a CPA, whose autoscaler would fight the one
 * this operator runs, and says so in the log and in an event on the CPA. Only Pods labelled as the
 * Go operator labels them are listed.
 */
final class GoOperatorTakeOver {

  private static final Logger log = LoggerFactory.getLogger(GoOperatorTakeOver.class);

  private final OperatorEvents events;

  GoOperatorTakeOver(OperatorEvents events) {
    this.events = events;
  }

  void removeLeftoverPods(KubernetesClient client, CustomPodAutoscaler cpa) {
    String namespace = cpa.getMetadata().getNamespace();
    for (Pod pod :
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(Provisioning.MANAGED_BY_LABEL, Provisioning.MANAGED_BY)
            .list()
            .getItems()) {
      if (GoOperatorPod.isLeftOverFrom(cpa, pod)) {
        String name = pod.getMetadata().getName();
        client.pods().inNamespace(namespace).withName(name).delete();
        log.info(
            "deleted the Go operator's pod pod={}/{} cpa={}",
            namespace,
            name,
            cpa.getMetadata().getName());
        events.normal(
            cpa,
            "DeletedGoOperatorPod",
            "deleted Pod "
                + name
                + ", the Go operator's autoscaler for this CPA; Deployment "
                + cpa.getMetadata().getName()
                + " runs the autoscaler now");
      }
    }
  }
}
