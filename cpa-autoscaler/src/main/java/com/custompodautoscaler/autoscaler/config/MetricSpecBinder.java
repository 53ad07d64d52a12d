package com.custompodautoscaler.autoscaler.config;

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

  /** Each source type: the key and schema of its block and the target types it may have. */
  private record Source(
      String key, ConfigBlock block, Set<String> targetTypes, String targetRule) {}

  private static final Map<String, Source> SOURCES =
      Map.of(
          "Resource",
          new Source(
              "resource",
              ConfigBlock.RESOURCE_SOURCE,
              UTILIZATION_OR_AVERAGE,
              "invalid resource metric source: must be either average value or average"
                  + " utilization"),
          "ContainerResource",
          new Source(
              "containerResource",
              ConfigBlock.CONTAINER_RESOURCE_SOURCE,
              UTILIZATION_OR_AVERAGE,
              "invalid container resource metric source: must be either average value or average"
                  + " utilization"),
          "Pods",
          new Source(
              "pods",
              ConfigBlock.METRIC_SOURCE,
              Set.of("AverageValue"),
              "invalid pods metric source: must be average value"),
          "Object",
          new Source(
              "object",
              ConfigBlock.OBJECT_SOURCE,
              VALUE_OR_AVERAGE,
              "invalid object metric source: must be either value or average value"),
          "External",
          new Source(
              "external",
              ConfigBlock.METRIC_SOURCE,
              VALUE_OR_AVERAGE,
              "invalid external metric source: must be either value or average value"));

  private MetricSpecBinder() {}

  /**
   * The specs of {@code top}, each problem reported; they are meant for use only when the
   * configuration has no error.
   */
  static List<MetricSpec> bind(BlockReader top) {
    List<MetricSpec> bound = new ArrayList<>();
    for (BlockReader spec :
        top.blocks("kubernetesMetricSpecs", ConfigBlock.METRIC_SPEC).orElse(List.of())) {
      spec(spec).ifPresent(bound::add);
    }
    return bound;
  }

  private static Optional<MetricSpec> spec(BlockReader spec) {
    Optional<String> type = spec.string("type");
    Source source = type.map(SOURCES::get).orElse(null);
    if (source == null) {
      if (type.isPresent() || !spec.has("type")) {
        spec.problems()
            .error(
                spec.path("type"),
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
              "missing: a " + type.get() + " metric needs its " + source.key());
      return Optional.empty();
    }
    return spec.block(source.key(), source.block()).map(block -> build(type.get(), block, source));
  }

  /** The spec as read; a part that is missing or invalid is reported and left null. */
  private static MetricSpec build(String type, BlockReader block, Source source) {
    MetricSpecBuilder spec = new MetricSpecBuilder().withType(type);
    Optional<MetricTarget> target = target(block, source);
    switch (type) {
      case "Resource" -> {
        Optional<String> name = required(block, "name");
        spec.withNewResource()
            .withName(name.orElse(null))
            .withTarget(target.orElse(null))
            .endResource();
      }
      case "ContainerResource" -> {
        Optional<String> name = required(block, "name");
        Optional<String> container = required(block, "container");
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
    if (!source.has("metric")) {
      source.problems().error(source.path("metric") + ".name", MISSING);
      return Optional.empty();
    }
    return source
        .block("metric", ConfigBlock.METRIC_IDENTIFIER)
        .flatMap(
            metric -> {
              Optional<String> name = required(metric, "name");
              Optional<LabelSelector> selector =
                  metric
                      .block("selector", ConfigBlock.LABEL_SELECTOR)
                      .map(MetricSpecBinder::selector);
              return name.map(found -> new MetricIdentifier(found, selector.orElse(null)));
            });
  }

  private static LabelSelector selector(BlockReader selector) {
    List<LabelSelectorRequirement> requirements = new ArrayList<>();
    selector
        .blocks("matchExpressions", ConfigBlock.SELECTOR_REQUIREMENT)
        .orElse(List.of())
        .forEach(requirement -> requirement(requirement).ifPresent(requirements::add));
    return new LabelSelector(requirements, selector.stringMap("matchLabels").orElse(Map.of()));
  }

  private static Optional<LabelSelectorRequirement> requirement(BlockReader requirement) {
    Optional<String> key = required(requirement, "key");
    Optional<String> operator = required(requirement, "operator");
    Optional<List<String>> values =
        requirement.has("values") ? requirement.strings("values") : Optional.of(List.of());
    if (operator.isEmpty() || values.isEmpty()) {
      return Optional.empty();
    }
    String written = operator.get();
    if (OPERATORS_WITH_VALUES.contains(written) && values.get().isEmpty()) {
      requirement
          .problems()
          .error(requirement.path("values"), "missing; operator " + written + " needs values");
    } else if (OPERATORS_WITHOUT_VALUES.contains(written) && !values.get().isEmpty()) {
      requirement
          .problems()
          .error(requirement.path("values"), "must be empty for operator " + written);
    } else if (!OPERATORS_WITH_VALUES.contains(written)
        && !OPERATORS_WITHOUT_VALUES.contains(written)) {
      requirement
          .problems()
          .error(
              requirement.path("operator"),
              "unknown operator \"" + written + "\"; expected In, NotIn, Exists or DoesNotExist");
    }
    return key.map(name -> new LabelSelectorRequirement(name, written, values.get()));
  }

  private static Optional<CrossVersionObjectReference> describedObject(BlockReader source) {
    if (!source.has("describedObject")) {
      source.problems().error(source.path("describedObject") + ".kind", MISSING);
      return Optional.empty();
    }
    return source
        .block("describedObject", ConfigBlock.DESCRIBED_OBJECT)
        .flatMap(
            object -> {
              Optional<String> apiVersion = object.string("apiVersion");
              Optional<String> kind = required(object, "kind");
              Optional<String> name = required(object, "name");
              return kind.flatMap(
                  k ->
                      name.map(
                          n -> new CrossVersionObjectReference(apiVersion.orElse(null), k, n)));
            });
  }

  private static Optional<MetricTarget> target(BlockReader source, Source rules) {
    Optional<BlockReader> target =
        source.has("target")
            ? source.block("target", ConfigBlock.METRIC_TARGET)
            : Optional.of(BlockReader.empty(ConfigBlock.METRIC_TARGET, source, "target"));
    return target.flatMap(
        reader -> {
          Optional<String> type = reader.string("type");
          if (type.isEmpty() || !rules.targetTypes().contains(type.get())) {
            reader
                .problems()
                .error(
                    reader.path("type"),
                    type.map(written -> "\"" + written + "\"").orElse("missing")
                        + ": "
                        + rules.targetRule());
          }
          Optional<Integer> utilization = reader.integer("averageUtilization");
          utilization
              .filter(percent -> percent <= 0)
              .ifPresent(
                  percent ->
                      reader
                          .problems()
                          .error(
                              reader.path("averageUtilization"),
                              "must be a whole number of percent above 0: " + percent));
          return type.map(
              written ->
                  new MetricTarget(
                      utilization.orElse(null),
                      quantity(reader, "averageValue").orElse(null),
                      written,
                      quantity(reader, "value").orElse(null)));
        });
  }

  private static Optional<Quantity> quantity(BlockReader target, String key) {
    return target
        .quantity(key)
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

  private static Optional<String> required(BlockReader block, String key) {
    Optional<String> value = block.string(key).filter(text -> !text.isBlank());
    if (value.isEmpty()) {
      block.problems().error(block.path(key), MISSING);
    }
    return value;
  }
}
