package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Follows what a real HPA decides for its Deployment: each time the Deployment's replicas change,
 * the listener hears the old and new count and the reasons of the HPA's {@code AbleToScale} and
 * {@code ScalingLimited} conditions.
 */
final class HpaDecisions implements AutoCloseable {

  private static final Duration PERIOD = Duration.ofMillis(200);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final Listener listener;
  private final RepeatingPass passes;
  private int lastReplicas = -1;

  /** Hears each rescale of the HPA's target. */
  interface Listener {
    void rescaled(int from, int to, String reasons);
  }

  HpaDecisions(KubernetesClient client, String namespace, String name, Listener listener) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.listener = listener;
    this.passes = new RepeatingPass("hpa-decisions-" + namespace, PERIOD, this::look);
  }

  void start() {
    passes.start();
  }

  private void look() {
    Deployment target = client.apps().deployments().inNamespace(namespace).withName(name).get();
    int replicas = target.getSpec().getReplicas();
    if (lastReplicas >= 0 && replicas != lastReplicas) {
      listener.rescaled(lastReplicas, replicas, reasons());
    }
    lastReplicas = replicas;
  }

  /** The reasons of the HPA's conditions that say why it settled where it did. */
  String reasons() {
    GenericKubernetesResource hpa =
        client
            .genericKubernetesResources("autoscaling/v2beta2", "HorizontalPodAutoscaler")
            .inNamespace(namespace)
            .withName(name)
            .get();
    Object conditions = hpa == null ? null : hpa.get("status", "conditions");
    if (!(conditions instanceof List<?> list)) {
      return "no conditions yet";
    }
    return list.stream()
        .map(condition -> (Map<?, ?>) condition)
        .filter(
            condition -> List.of("AbleToScale", "ScalingLimited").contains(condition.get("type")))
        .map(condition -> condition.get("type") + "=" + condition.get("reason"))
        .collect(Collectors.joining(" "));
  }

  @Override
  public void close() {
    passes.close();
  }
}
