package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.KeyType.INTEGER;
import static com.custompodautoscaler.pipeline.config.KeyType.QUANTITY;
import static com.custompodautoscaler.pipeline.config.KeyType.STRING;

import java.util.List;
import java.util.Map;

/**
 * The keys of an autoscaling/v2 metric spec in {@code kubernetesMetricSpecs}: its type, its source
 * blocks, and what those hold (the metric or resource, its target, a selector, an object).
 */
final class MetricSpecKeys {

  static final Key<String> SOURCE_TYPE =
      Key.required(
          "type",
          STRING,
          "`Resource`, `ContainerResource`, `Pods`, `Object` or `External`: which block below"
              + " holds the source.");
  static final Key<BlockReader> RESOURCE =
      source(
          "resource",
          ConfigBlock.RESOURCE_SOURCE,
          "For `Resource`: a resource of the target's pods.");
  static final Key<BlockReader> CONTAINER_RESOURCE =
      source(
          "containerResource",
          ConfigBlock.CONTAINER_RESOURCE_SOURCE,
          "For `ContainerResource`: a resource of one container of each pod.");
  static final Key<BlockReader> PODS =
      source(
          "pods",
          ConfigBlock.METRIC_SOURCE,
          "For `Pods`: a custom metric of each of the target's pods.");
  static final Key<BlockReader> OBJECT =
      source("object", ConfigBlock.OBJECT_SOURCE, "For `Object`: a custom metric of one object.");
  static final Key<BlockReader> EXTERNAL =
      source(
          "external",
          ConfigBlock.METRIC_SOURCE,
          "For `External`: a metric from outside the cluster.");

  static final Key<String> RESOURCE_NAME =
      Key.required("name", STRING, "The resource: `cpu` or `memory`.");
  static final Key<String> CONTAINER =
      Key.required("container", STRING, "The container of each pod to measure.");
  static final Key<BlockReader> TARGET_OF_RESOURCE = measuredAgainst("resource");
  static final Key<BlockReader> METRIC =
      Key.required("metric", KeyType.block(ConfigBlock.METRIC_IDENTIFIER), "The metric to read.");
  static final Key<BlockReader> TARGET_OF_METRIC = measuredAgainst("metric");
  static final Key<BlockReader> DESCRIBED_OBJECT =
      Key.required(
          "describedObject",
          KeyType.block(ConfigBlock.DESCRIBED_OBJECT),
          "The object the metric describes, in the autoscaler's namespace.");

  static final Key<String> TARGET_TYPE =
      Key.required(
          "type",
          STRING,
          "`Utilization` (Resource and ContainerResource), `AverageValue` or `Value` (Object and"
              + " External).");
  static final Key<Integer> AVERAGE_UTILIZATION =
      Key.optional(
          "averageUtilization",
          INTEGER,
          "none",
          "For `Utilization`: percent of the pods' requests, above 0.");
  static final Key<String> AVERAGE_VALUE =
      Key.optional(
          "averageValue",
          QUANTITY,
          "none",
          "For `AverageValue`: a Kubernetes quantity such as `500m` or `30`.");
  static final Key<String> VALUE =
      Key.optional("value", QUANTITY, "none", "For `Value`: a Kubernetes quantity such as `10k`.");

  static final Key<String> METRIC_NAME = Key.required("name", STRING, "The metric's name.");
  static final Key<BlockReader> SELECTOR =
      Key.optional(
          "selector",
          KeyType.block(ConfigBlock.LABEL_SELECTOR),
          "none",
          "Narrows the metric to the series whose labels match.");

  static final Key<Map<String, String>> MATCH_LABELS =
      Key.optional(
          "matchLabels",
          KeyType.mapOf(STRING),
          "{}",
          "Labels a series must have, each with its value.");
  static final Key<List<BlockReader>> MATCH_EXPRESSIONS =
      Key.optional(
          "matchExpressions",
          KeyType.listOf(KeyType.block(ConfigBlock.SELECTOR_REQUIREMENT)),
          "[]",
          "Requirements a series must meet, all of them.");

  static final Key<String> LABEL = Key.required("key", STRING, "The label's name.");
  static final Key<String> OPERATOR =
      Key.required("operator", STRING, "`In`, `NotIn`, `Exists` or `DoesNotExist`.");
  static final Key<List<String>> VALUES =
      Key.optional(
          "values",
          KeyType.listOf(STRING),
          "[]",
          "The values for `In` and `NotIn`; none for the others.");

  static final Key<String> OBJECT_API_VERSION =
      Key.optional("apiVersion", STRING, "none", "For example `networking.k8s.io/v1`.");
  static final Key<String> OBJECT_KIND = Key.required("kind", STRING, "For example `Ingress`.");
  static final Key<String> OBJECT_NAME = Key.required("name", STRING, "The object's name.");

  static final List<Key<?>> OF_SPEC =
      List.of(SOURCE_TYPE, RESOURCE, CONTAINER_RESOURCE, PODS, OBJECT, EXTERNAL);
  static final List<Key<?>> OF_RESOURCE = List.of(RESOURCE_NAME, TARGET_OF_RESOURCE);
  static final List<Key<?>> OF_CONTAINER_RESOURCE =
      List.of(RESOURCE_NAME, CONTAINER, TARGET_OF_RESOURCE);
  static final List<Key<?>> OF_METRIC_SOURCE = List.of(METRIC, TARGET_OF_METRIC);
  static final List<Key<?>> OF_OBJECT = List.of(DESCRIBED_OBJECT, METRIC, TARGET_OF_METRIC);
  static final List<Key<?>> OF_TARGET =
      List.of(TARGET_TYPE, AVERAGE_UTILIZATION, AVERAGE_VALUE, VALUE);
  static final List<Key<?>> OF_IDENTIFIER = List.of(METRIC_NAME, SELECTOR);
  static final List<Key<?>> OF_SELECTOR = List.of(MATCH_LABELS, MATCH_EXPRESSIONS);
  static final List<Key<?>> OF_REQUIREMENT = List.of(LABEL, OPERATOR, VALUES);
  static final List<Key<?>> OF_DESCRIBED_OBJECT =
      List.of(OBJECT_API_VERSION, OBJECT_KIND, OBJECT_NAME);

  private MetricSpecKeys() {}

  /** The block of one source type, which the spec's {@code type} names. */
  private static Key<BlockReader> source(String name, ConfigBlock block, String description) {
    return Key.optional(name, KeyType.block(block), "none", description);
  }

  /** The {@code target} of a metric source. */
  private static Key<BlockReader> measuredAgainst(String measured) {
    return Key.required(
        "target",
        KeyType.block(ConfigBlock.METRIC_TARGET),
        "What the " + measured + " is measured against.");
  }
}
