package com.custompodautoscaler.autoscaler.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code kubernetesMetricSpecs}: autoscaling/v2 metric specs, checked as far as gathering
 * needs them (the source type, the names it queries, a target type that says what to fetch), every
 * problem named by its path, such as {@code kubernetesMetricSpecs[1].pods.metric.name}.
 */
final class MetricSpecBinder {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Set<String> VALUE_OR_AVERAGE = Set.of("Value", "AverageValue");
  private static final Set<String> UTILIZATION_OR_AVERAGE = Set.of("Utilization", "AverageValue");

  /** Each source type: the key of its block and the target types it may have. */
  private record Source(String key, Set<String> targetTypes, String targetRule) {}

  private static final Map<String, Source> SOURCES =
      Map.of(
          "Resource",
          new Source(
              "resource",
              UTILIZATION_OR_AVERAGE,
              "invalid resource metric source: must be either average value or average"
                  + " utilization"),
          "ContainerResource",
          new Source(
              "containerResource",
              UTILIZATION_OR_AVERAGE,
              "invalid container resource metric source: must be either average value or average"
                  + " utilization"),
          "Pods",
          new Source(
              "pods", Set.of("AverageValue"), "invalid pods metric source: must be average value"),
          "Object",
          new Source(
              "object",
              VALUE_OR_AVERAGE,
              "invalid object metric source: must be either value or average value"),
          "External",
          new Source(
              "external",
              VALUE_OR_AVERAGE,
              "invalid external metric source: must be either value or average value"));

  private final ConfigProblems problems;

  MetricSpecBinder(ConfigProblems problems) {
    this.problems = problems;
  }

  /** The valid specs; each invalid one is reported and left out. */
  List<MetricSpec> bind(List<JsonNode> specs) {
    List<MetricSpec> bound = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String path = "kubernetesMetricSpecs[" + i + "]";
      if (isValid(specs.get(i), path)) {
        bound.add(SERIALIZATION.convertValue(specs.get(i), MetricSpec.class));
      }
    }
    return bound;
  }

  private boolean isValid(JsonNode spec, String path) {
    String type = spec.path("type").asText("");
    Source source = SOURCES.get(type);
    if (source == null) {
      problems.error(
          path + ".type",
          (type.isEmpty() ? "missing" : "unknown metric source type \"" + type + "\"")
              + "; expected one of Resource, Pods, Object, External, ContainerResource");
      return false;
    }
    JsonNode block = spec.path(source.key());
    String blockPath = path + "." + source.key();
    if (!block.isObject()) {
      problems.error(blockPath, "missing: a " + type + " metric needs its " + source.key());
      return false;
    }
    int before = problems.count();
    switch (type) {
      case "Resource" -> requireText(block, blockPath, "name");
      case "ContainerResource" -> {
        requireText(block, blockPath, "name");
        requireText(block, blockPath, "container");
      }
      case "Object" -> {
        requireText(block.path("metric"), blockPath + ".metric", "name");
        requireText(block.path("describedObject"), blockPath + ".describedObject", "kind");
        requireText(block.path("describedObject"), blockPath + ".describedObject", "name");
      }
      default -> requireText(block.path("metric"), blockPath + ".metric", "name");
    }
    checkTarget(block.path("target"), blockPath + ".target", source);
    return problems.count() == before;
  }

  private void checkTarget(JsonNode target, String path, Source source) {
    String type = target.path("type").asText("");
    if (!source.targetTypes().contains(type)) {
      problems.error(
          path + ".type",
          (type.isEmpty() ? "missing" : "\"" + type + "\"") + ": " + source.targetRule());
    }
    for (String quantity : List.of("value", "averageValue")) {
      Optional.ofNullable(target.get(quantity))
          .filter(value -> !isQuantity(value))
          .ifPresent(
              value ->
                  problems.error(
                      path + "." + quantity,
                      "not a Kubernetes quantity (such as 500m, 2, 1.5Gi): " + value));
    }
    JsonNode utilization = target.get("averageUtilization");
    if (utilization != null && !(utilization.isInt() && utilization.intValue() > 0)) {
      problems.error(
          path + ".averageUtilization",
          "must be a whole number of percent above 0: " + utilization);
    }
  }

  private void requireText(JsonNode block, String path, String key) {
    if (!block.path(key).isTextual() || block.path(key).asText().isBlank()) {
      problems.error(path + "." + key, "missing: gathering the metric needs it");
    }
  }

  private static boolean isQuantity(JsonNode value) {
    if (!value.isTextual() && !value.isNumber()) {
      return false;
    }
    try {
      Quantity.getAmountInBytes(new Quantity(value.asText()));
      return true;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }
}
