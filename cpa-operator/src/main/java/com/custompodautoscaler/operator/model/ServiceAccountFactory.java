package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The autoscaler's ServiceAccount, named after its CustomPodAutoscaler. */
public final class ServiceAccountFactory {

  private ServiceAccountFactory() {}

  public static ServiceAccount serviceAccount(CustomPodAutoscaler cpa) {
    return new ServiceAccountBuilder().withMetadata(Provisioning.metadataFor(cpa)).build();
  }
}
