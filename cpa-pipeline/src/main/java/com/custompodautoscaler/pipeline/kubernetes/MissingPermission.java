package com.custompodautoscaler.pipeline.kubernetes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to grant when the API server refuses the autoscaler's identity. Kubernetes' RBAC names the
 * verb, resource and API group it refused ({@code cannot list resource "pods" in API group
 * "custom.metrics.k8s.io"}); from those this says which rule the CustomPodAutoscaler's Role needs.
 */
final class MissingPermission {

  private static final Pattern REFUSED =
      Pattern.compile("cannot (\\S+) resource \"([^\"]+)\" in API group \"([^\"]*)\"");

  private MissingPermission() {}

  /** The rule to add, as the CPA's {@code spec.roleRules} takes it, when RBAC names it. */
  static Optional<String> advice(String refusal) {
    Matcher refused = REFUSED.matcher(refusal);
    if (!refused.find()) {
      return Optional.empty();
    }
    String verb = refused.group(1);
    String resource = refused.group(2);
    String group = refused.group(3);
    String rule =
        "{apiGroups: [\""
            + group
            + "\"], resources: [\""
            + resource
            + "\"], verbs: [\""
            + verb
            + "\"]}";
    String flag = group.equals("metrics.k8s.io") ? " or set roleRequiresMetricsServer: true" : "";
    return Optional.of(
        "the autoscaler's Role lacks "
            + verb
            + " on "
            + (group.isEmpty() ? resource : resource + "." + group)
            + ": add "
            + rule
            + " to the CustomPodAutoscaler's spec.roleRules"
            + flag);
  }
}
