package com.custompodautoscaler.playground;

import com.custompodautoscaler.core.behavior.RatePolicy;
import com.custompodautoscaler.core.behavior.ScalingBehavior;
import com.custompodautoscaler.core.behavior.ScalingRules;
import com.custompodautoscaler.core.decision.CpaDownscaleStabilization;
import com.custompodautoscaler.core.decision.DecisionRules;
import com.custompodautoscaler.core.decision.HpaWithBehavior;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HorizontalPodAutoscaler that an HPA-as-a-CPA configuration stands for, field by field as
 * docs/horizontal-pod-autoscaler.md maps them: {@code kubernetesMetricSpecs} are its metrics, the
 * bounds its {@code minReplicas} and {@code maxReplicas}, and {@code behavior} its behavior; a
 * configuration without {@code behavior} is an HPA without one, which the controller decides by its
 * own downscale stabilization and scale-up limit.
 */
final class HpaManifest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private HpaManifest() {}

  /**
   * The HPA named {@code name} for {@code config}, whose target is the Deployment {@code target}.
   *
   * @throws IllegalArgumentException when the configuration gathers no HPA metrics, or decides by
   *     rules no HPA has
   */
  static GenericKubernetesResource of(AutoscalerConfig config, String name, String target) {
    if (config.kubernetesMetrics().specs().isEmpty()) {
      throw new IllegalArgumentException(
          "the configuration lists no kubernetesMetricSpecs, so no HPA can stand beside it");
    }
    DecisionRules rules = config.rules();
    if (rules instanceof CpaDownscaleStabilization) {
      throw new IllegalArgumentException(
          "the configuration decides by CPA v2's rules, which no HPA has: give it a behavior, or"
              + " hpaScaleUpLimit: true for an HPA without one");
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put(
        "scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", target));
    spec.put("minReplicas", config.bounds().min());
    spec.put("maxReplicas", config.bounds().max());
    spec.put(
        "metrics",
        config.kubernetesMetrics().specs().stream()
            .map(metric -> SERIALIZATION.convertValue(metric, Map.class))
            .toList());
    if (rules instanceof HpaWithBehavior withBehavior) {
      spec.put("behavior", behavior(withBehavior.behavior()));
    }
    GenericKubernetesResource hpa = new GenericKubernetesResource();
    hpa.setApiVersion("autoscaling/v2beta2");
    hpa.setKind("HorizontalPodAutoscaler");
    hpa.setMetadata(new ObjectMetaBuilder().withName(name).build());
    hpa.setAdditionalProperty("spec", spec);
    return hpa;
  }

  private static Map<String, Object> behavior(ScalingBehavior behavior) {
    return Map.of("scaleUp", rules(behavior.scaleUp()), "scaleDown", rules(behavior.scaleDown()));
  }

  private static Map<String, Object> rules(ScalingRules rules) {
    List<Map<String, Object>> policies =
        rules.policies().stream().map(HpaManifest::policy).toList();
    return Map.of(
        "stabilizationWindowSeconds",
        seconds(rules.stabilizationWindow()),
        "selectPolicy",
        rules.selectPolicy().wireName(),
        "policies",
        policies);
  }

  private static Map<String, Object> policy(RatePolicy policy) {
    return Map.of(
        "type",
        policy.type().wireName(),
        "value",
        policy.value(),
        "periodSeconds",
        seconds(policy.period()));
  }

  private static long seconds(Duration duration) {
    return duration.toSeconds();
  }
}
