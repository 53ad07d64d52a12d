package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.AVERAGE_UTILIZATION;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.AVERAGE_VALUE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.CONTAINER;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.CONTAINER_RESOURCE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.DESCRIBED_OBJECT;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.EXTERNAL;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.LABEL;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.MATCH_EXPRESSIONS;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.MATCH_LABELS;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.METRIC;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.METRIC_NAME;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.OBJECT;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.OBJECT_API_VERSION;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.OBJECT_KIND;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.OBJECT_NAME;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.OPERATOR;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.PODS;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.RESOURCE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.RESOURCE_NAME;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.SELECTOR;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.SOURCE_TYPE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.TARGET_OF_METRIC;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.TARGET_OF_RESOURCE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.TARGET_TYPE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.VALUE;
import static com.custompodautoscaler.pipeline.config.MetricSpecKeys.VALUES;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.KUBERNETES_METRIC_SPECS;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code kubernetesMetricSpecs}: autoscaling/v2 metric specs, checked as far as gathering
 * needs them (the source type, the names it queries, a target type that says what to fetch, the
 * selector's operators), every problem named by its path, such as {@code
 * kubernetesMetricSpecs[1].pods.metric.name}. The specs are built field by field from what was
 * read, so no value can fail later, when a run converts it.
 */
final class MetricSpecBinder {

  private static final Set<String> VALUE_OR_AVERAGE = Set.of("Value", "AverageValue");
  private static final Set<String> UTILIZATION_OR_AVERAGE = Set.of("Utilization", "AverageValue");
  private static final Set<String> OPERATORS_WITH_VALUES = Set.of("In", "NotIn");
  private static final Set<String> OPERATORS_WITHOUT_VALUES = Set.of("Exists", "DoesNotExist");
  private static final String MISSING = "missing: gathering the metric needs it";

  /**
   * Each source type: the key of its block, that block's target, and the target types it may have.
   */
  private record Source(
      Key<BlockReader> key, Key<BlockReader> target, Set<String> targetTypes, String targetRule) {}

  private static final Map<String, Source> SOURCES =
      Map.of(
          "Resource",
          new Source(
              RESOURCE,
              TARGET_OF_RESOURCE,
              UTILIZATION_OR_AVERAGE,
              "invalid resource metric source: must be either average value or average"
                  + " utilization"),
          "ContainerResource",
          new Source(
              CONTAINER_RESOURCE,
              TARGET_OF_RESOURCE,
              UTILIZATION_OR_AVERAGE,
              "invalid container resource metric source: must be either average value or average"
                  + " utilization"),
          "Pods",
          new Source(
              PODS,
              TARGET_OF_METRIC,
              Set.of("AverageValue"),
              "invalid pods metric source: must be average value"),
          "Object",
          new Source(
              OBJECT,
              TARGET_OF_METRIC,
              VALUE_OR_AVERAGE,
              "invalid object metric source: must be either value or average value"),
          "External",
          new Source(
              EXTERNAL,
              TARGET_OF_METRIC,
              VALUE_OR_AVERAGE,
              "invalid external metric source: must be either value or average value"));

  private MetricSpecBinder() {}

  /**
   * The specs of {@code top}, each problem reported; they are meant for use only when the
   * configuration has no error.
   */
  static List<MetricSpec> bind(BlockReader top) {
    List<MetricSpec> bound = new ArrayList<>();
    for (BlockReader spec : top.find(KUBERNETES_METRIC_SPECS).orElse(List.of())) {
      spec(spec).ifPresent(bound::add);
    }
    return bound;
  }

  private static Optional<MetricSpec> spec(BlockReader spec) {
    Optional<String> type = spec.find(SOURCE_TYPE);
    Source source = type.map(SOURCES::get).orElse(null);
    if (source == null) {
      if (type.isPresent() || !spec.has(SOURCE_TYPE)) {
        spec.problems()
            .error(
                spec.path(SOURCE_TYPE),
                type.map(written -> "unknown metric source type \"" + written + "\"")
                        .orElse("missing")
                    + "; expected one of Resource, Pods, Object, External, ContainerResource");
      }
      return Optional.empty();
    }
    if (!spec.has(source.key())) {
      spec.problems()
          .error(
              spec.path(source.key()),
              "missing: a " + type.get() + " metric needs its " + source.key().name());
      return Optional.empty();
    }
    return spec.find(source.key()).map(block -> build(type.get(), block, source));
  }

  /** The spec as read; a part that is missing or invalid is reported and left null. */
  private static MetricSpec build(String type, BlockReader block, Source source) {
    MetricSpecBuilder spec = new MetricSpecBuilder().withType(type);
    Optional<MetricTarget> target = target(block, source);
    switch (type) {
      case "Resource" -> {
        Optional<String> name = required(block, RESOURCE_NAME);
        spec.withNewResource()
            .withName(name.orElse(null))
            .withTarget(target.orElse(null))
            .endResource();
      }
      case "ContainerResource" -> {
        Optional<String> name = required(block, RESOURCE_NAME);
        Optional<String> container = required(block, CONTAINER);
        spec.withNewContainerResource()
            .withName(name.orElse(null))
            .withContainer(container.orElse(null))
            .withTarget(target.orElse(null))
            .endContainerResource();
      }
      case "Pods" ->
          spec.withNewPods()
              .withMetric(metric(block).orElse(null))
              .withTarget(target.orElse(null))
              .endPods();
      case "Object" ->
          spec.withNewObject()
              .withDescribedObject(describedObject(block).orElse(null))
              .withMetric(metric(block).orElse(null))
              .withTarget(target.orElse(null))
              .endObject();
      default ->
          spec.withNewExternal()
              .withMetric(metric(block).orElse(null))
              .withTarget(target.orElse(null))
              .endExternal();
    }
    return spec.build();
  }

  private static Optional<MetricIdentifier> metric(BlockReader source) {
    if (!source.has(METRIC)) {
      source.problems().error(source.path(METRIC) + "." + METRIC_NAME.name(), MISSING);
      return Optional.empty();
    }
    return source
        .find(METRIC)
        .flatMap(
            metric -> {
              Optional<String> name = required(metric, METRIC_NAME);
              Optional<LabelSelector> selector =
                  metric.find(SELECTOR).map(MetricSpecBinder::selector);
              return name.map(found -> new MetricIdentifier(found, selector.orElse(null)));
            });
  }

  private static LabelSelector selector(BlockReader selector) {
    List<LabelSelectorRequirement> requirements = new ArrayList<>();
    selector
        .find(MATCH_EXPRESSIONS)
        .orElse(List.of())
        .forEach(requirement -> requirement(requirement).ifPresent(requirements::add));
    return new LabelSelector(requirements, selector.find(MATCH_LABELS).orElse(Map.of()));
  }

  private static Optional<LabelSelectorRequirement> requirement(BlockReader requirement) {
    Optional<String> key = required(requirement, LABEL);
    Optional<String> operator = required(requirement, OPERATOR);
    Optional<List<String>> values =
        requirement.has(VALUES) ? requirement.find(VALUES) : Optional.of(List.of());
    if (operator.isEmpty() || values.isEmpty()) {
      return Optional.empty();
    }
    String written = operator.get();
    if (OPERATORS_WITH_VALUES.contains(written) && values.get().isEmpty()) {
      requirement
          .problems()
          .error(requirement.path(VALUES), "missing; operator " + written + " needs values");
    } else if (OPERATORS_WITHOUT_VALUES.contains(written) && !values.get().isEmpty()) {
      requirement
          .problems()
          .error(requirement.path(VALUES), "must be empty for operator " + written);
    } else if (!OPERATORS_WITH_VALUES.contains(written)
        && !OPERATORS_WITHOUT_VALUES.contains(written)) {
      requirement
          .problems()
          .error(
              requirement.path(OPERATOR),
              "unknown operator \"" + written + "\"; expected In, NotIn, Exists or DoesNotExist");
    }
    return key.map(name -> new LabelSelectorRequirement(name, written, values.get()));
  }

  private static Optional<CrossVersionObjectReference> describedObject(BlockReader source) {
    if (!source.has(DESCRIBED_OBJECT)) {
      source.problems().error(source.path(DESCRIBED_OBJECT) + "." + OBJECT_KIND.name(), MISSING);
      return Optional.empty();
    }
    return source
        .find(DESCRIBED_OBJECT)
        .flatMap(
            object -> {
              Optional<String> apiVersion = object.find(OBJECT_API_VERSION);
              Optional<String> kind = required(object, OBJECT_KIND);
              Optional<String> name = required(object, OBJECT_NAME);
              return kind.flatMap(
                  k ->
                      name.map(
                          n -> new CrossVersionObjectReference(apiVersion.orElse(null), k, n)));
            });
  }

  private static Optional<MetricTarget> target(BlockReader source, Source rules) {
    Optional<BlockReader> target = source.blockOrEmpty(rules.target());
    return target.flatMap(
        reader -> {
          Optional<String> type = reader.find(TARGET_TYPE);
          if (type.isEmpty() || !rules.targetTypes().contains(type.get())) {
            reader
                .problems()
                .error(
                    reader.path(TARGET_TYPE),
                    type.map(written -> "\"" + written + "\"").orElse("missing")
                        + ": "
                        + rules.targetRule());
          }
          Optional<Integer> utilization = reader.find(AVERAGE_UTILIZATION);
          utilization
              .filter(percent -> percent <= 0)
              .ifPresent(
                  percent ->
                      reader
                          .problems()
                          .error(
                              reader.path(AVERAGE_UTILIZATION),
                              "must be a whole number of percent above 0: " + percent));
          return type.map(
              written ->
                  new MetricTarget(
                      utilization.orElse(null),
                      quantity(reader, AVERAGE_VALUE).orElse(null),
                      written,
                      quantity(reader, VALUE).orElse(null)));
        });
  }

  private static Optional<Quantity> quantity(BlockReader target, Key<String> key) {
    return target
        .find(key)
        .flatMap(
            written -> {
              try {
                Quantity quantity = new Quantity(written);
                Quantity.getAmountInBytes(quantity);
                return Optional.of(quantity);
              } catch (IllegalArgumentException | ArithmeticException e) {
                target
                    .problems()
                    .error(
                        target.path(key),
                        "not a Kubernetes quantity (such as 500m, 2, 1.5Gi): " + written);
                return Optional.empty();
              }
            });
  }

  private static Optional<String> required(BlockReader block, Key<String> key) {
    Optional<String> value = block.find(key).filter(text -> !text.isBlank());
    if (value.isEmpty()) {
      block.problems().error(block.path(key), MISSING);
    }
    return value;
  }
}
