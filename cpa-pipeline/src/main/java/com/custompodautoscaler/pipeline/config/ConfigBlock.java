package com.custompodautoscaler.pipeline.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The configuration schema: every block of keys the autoscaler reads. Binders, the schema check,
 * unknown-key warnings, environment overrides, defaults and {@code docs/configuration.md} all read
 * the keys each block lists, declared once in {@link TopLevelKeys}, {@link MethodKeys}, {@link
 * BehaviorKeys} and {@link MetricSpecKeys}.
 */
public enum ConfigBlock {
  SHELL("shell", () -> MethodKeys.OF_SHELL),
  WORKER("worker", () -> MethodKeys.OF_WORKER),
  JAVA("java", () -> MethodKeys.OF_JAVA),
  HTTP("http", () -> MethodKeys.OF_HTTP),
  METHOD("methods", "method", "methods", () -> MethodKeys.OF_METHOD),
  RATE_POLICY("behavior policies", "policy", "policies", () -> BehaviorKeys.OF_POLICY),
  SCALING_RULES("behavior.scaleUp and behavior.scaleDown", () -> BehaviorKeys.OF_RULES),
  BEHAVIOR("behavior", () -> BehaviorKeys.OF_BEHAVIOR),
  SCALE_TARGET_REF("scaleTargetRef", () -> TopLevelKeys.OF_SCALE_TARGET_REF),
  API_CONFIG("apiConfig", () -> TopLevelKeys.OF_API_CONFIG),
  METRIC_TARGET("target", () -> MetricSpecKeys.OF_TARGET),
  SELECTOR_REQUIREMENT(
      "selector.matchExpressions",
      "requirement",
      "requirements",
      () -> MetricSpecKeys.OF_REQUIREMENT),
  LABEL_SELECTOR("selector", () -> MetricSpecKeys.OF_SELECTOR),
  METRIC_IDENTIFIER("metric", () -> MetricSpecKeys.OF_IDENTIFIER),
  DESCRIBED_OBJECT("object.describedObject", () -> MetricSpecKeys.OF_DESCRIBED_OBJECT),
  RESOURCE_SOURCE("resource", () -> MetricSpecKeys.OF_RESOURCE),
  CONTAINER_RESOURCE_SOURCE("containerResource", () -> MetricSpecKeys.OF_CONTAINER_RESOURCE),
  METRIC_SOURCE("pods and external", () -> MetricSpecKeys.OF_METRIC_SOURCE),
  OBJECT_SOURCE("object", () -> MetricSpecKeys.OF_OBJECT),
  METRIC_SPEC("kubernetesMetricSpecs", "metric spec", "metric specs", () -> MetricSpecKeys.OF_SPEC),
  TOP_LEVEL("top level", () -> TopLevelKeys.OF_TOP_LEVEL);

  private final String title;
  private final String noun;
  private final String plural;

  /**
   * The keys, looked up when first asked for: the key declarations name the blocks they nest, so
   * the blocks must exist before them.
   */
  private final Supplier<List<Key<?>>> keys;

  /** A block whose values the documentation calls objects. */
  ConfigBlock(String title, Supplier<List<Key<?>>> keys) {
    this(title, "object", "objects", keys);
  }

  ConfigBlock(String title, String noun, String plural, Supplier<List<Key<?>>> keys) {
    this.title = title;
    this.noun = noun;
    this.plural = plural;
    this.keys = keys;
  }

  /** The heading this block has in {@code docs/configuration.md}. */
  public String title() {
    return title;
  }

  /** What the documentation calls one value of this block: "method". */
  String noun() {
    return noun;
  }

  /** What the documentation calls several values of this block: "methods". */
  String plural() {
    return plural;
  }

  /** The block's keys, in the order the documentation lists them. */
  public List<Key<?>> keys() {
    return keys.get();
  }

  /** The key called exactly {@code name}, if there is one. */
  Optional<Key<?>> find(String name) {
    return keys().stream().filter(key -> key.name().equals(name)).findFirst();
  }
}
