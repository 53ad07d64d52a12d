package com.custompodautoscaler.pipeline.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A label selector object in the string form of a {@code labelSelector} query parameter. */
final class LabelSelectors {

  private LabelSelectors() {}

  /** For example {@code app=web,tier in (a,b),!canary}; empty for no selector. */
  static String toQuery(LabelSelector selector) {
    if (selector == null) {
      return "";
    }
    List<String> terms = new ArrayList<>();
    Map<String, String> labels = selector.getMatchLabels();
    if (labels != null) {
      new TreeMap<>(labels).forEach((key, value) -> terms.add(key + "=" + value));
    }
    if (selector.getMatchExpressions() != null) {
      selector.getMatchExpressions().forEach(requirement -> terms.add(term(requirement)));
    }
    return String.join(",", terms);
  }

  private static String term(LabelSelectorRequirement requirement) {
    String key = requirement.getKey();
    String values = "(" + String.join(",", requirement.getValues()) + ")";
    return switch (requirement.getOperator()) {
      case "In" -> key + " in " + values;
      case "NotIn" -> key + " notin " + values;
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default ->
          throw new IllegalArgumentException(
              "unknown label selector operator \"" + requirement.getOperator() + "\"");
    };
  }
}
