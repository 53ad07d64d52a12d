package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.AutoscalerEnvironment;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The autoscaler's workload: a Deployment of one replica (none while paused), with the Recreate
 * strategy so that two autoscalers never run at once, the pod template of {@code spec.template}
 * with the provisioned objects' labels added (the selector stays the CPA's name label alone, since
 * a selector cannot change), the CPA's ServiceAccount, the operator's environment added to every
 * container, and probes of the autoscaler's health listener added to the first.
 */
public final class AutoscalerDeploymentFactory {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private AutoscalerDeploymentFactory() {}

  /** The Deployment for {@code cpa} with {@code replicas} (1 to run the autoscaler, 0 to pause). */
  public static Deployment deployment(CustomPodAutoscaler cpa, int replicas) {
    String name = cpa.getMetadata().getName();
    return new DeploymentBuilder()
        .withMetadata(Provisioning.metadataFor(cpa))
        .withNewSpec()
        .withReplicas(replicas)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .withMatchLabels(Map.of(Provisioning.NAME_LABEL, name))
        .endSelector()
        .withTemplate(podTemplate(cpa))
        .endSpec()
        .build();
  }

  private static PodTemplateSpec podTemplate(CustomPodAutoscaler cpa) {
    PodTemplateSpec template = SERIALIZATION.clone(cpa.getSpec().getTemplate());
    ObjectMeta metadata =
        template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    Map<String, String> labels =
        metadata.getLabels() == null ? new HashMap<>() : new HashMap<>(metadata.getLabels());
    labels.putAll(Provisioning.labels(cpa));
    metadata.setLabels(labels);
    template.setMetadata(metadata);
    template.getSpec().setServiceAccountName(cpa.getMetadata().getName());
    List<EnvVar> injected = AutoscalerEnvironment.of(cpa);
    for (Container container : template.getSpec().getContainers()) {
      List<EnvVar> env =
          container.getEnv() == null ? new ArrayList<>() : new ArrayList<>(container.getEnv());
      env.addAll(injected);
      container.setEnv(env);
    }
    addProbes(cpa, template.getSpec().getContainers());
    return template;
  }

  /**
   * Probes the first container, taken to be the autoscaler (others are the user's sidecars), where
   * the operator knows the port its health listener takes.
   */
  private static void addProbes(CustomPodAutoscaler cpa, List<Container> containers) {
    Optional<Integer> healthPort = AutoscalerEnvironment.healthPort(cpa);
    if (!containers.isEmpty() && healthPort.isPresent()) {
      AutoscalerProbes.addMissing(containers.get(0), healthPort.get());
    }
  }
}
