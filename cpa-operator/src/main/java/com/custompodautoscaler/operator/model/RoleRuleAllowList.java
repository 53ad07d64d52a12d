package com.custompodautoscaler.operator.model;

import com.custompodautoscaler.api.v1.RoleRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a CPA's {@code spec.roleRules} may grant at all, as the cluster admin sets them (the
 * chart's {@code roleRules.allowed}): every API group, resource and verb a rule names must be
 * allowed by one entry. {@code *} in an entry allows anything in its place, and {@code * /sub} (no
 * space) any resource's subresource {@code sub}; {@code *} in a CPA's rule asks for everything, so
 * only {@code *} allows it.
 *
 * @param entries the allowed rules
 */
public record RoleRuleAllowList(List<Entry> entries) {

  /** The default: read verbs on the three metrics APIs, and nothing else. */
  public static final RoleRuleAllowList DEFAULT =
      new RoleRuleAllowList(
          List.of(
              new Entry(
                  List.of("metrics.k8s.io", "custom.metrics.k8s.io", "external.metrics.k8s.io"),
                  List.of("*"),
                  List.of("get", "list", "watch"))));

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The setting that holds the allow-list, named in refusals. */
  public static final String SETTING = "roleRules.allowed";

  public RoleRuleAllowList {
    entries = List.copyOf(entries);
  }

  /**
   * The allow-list written as JSON, a list of {@code {apiGroups, resources, verbs}}, as the chart
   * passes it.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static RoleRuleAllowList parse(String json) {
    try {
      return new RoleRuleAllowList(List.of(JSON.readValue(json, Entry[].class)));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(
          "not a JSON list of rules, each with apiGroups, resources and verbs: " + e.getMessage(),
          e);
    }
  }

  /** One allowed rule. */
  public record Entry(List<String> apiGroups, List<String> resources, List<String> verbs) {
    public Entry {
      apiGroups = required(apiGroups, "apiGroups");
      resources = required(resources, "resources");
      verbs = required(verbs, "verbs");
    }

    private static List<String> required(List<String> values, String field) {
      if (values == null || values.isEmpty()) {
        throw new IllegalArgumentException("an allowed rule needs " + field);
      }
      return List.copyOf(values);
    }

    boolean allows(String group, String resource, String verb) {
      return matches(apiGroups, group) && allowsResource(resource) && matches(verbs, verb);
    }

    private boolean allowsResource(String resource) {
      int slash = resource.indexOf('/');
      return matches(resources, resource)
          || (slash > 0 && resources.contains("*" + resource.substring(slash)));
    }

    private static boolean matches(List<String> allowed, String asked) {
      return allowed.contains("*") || allowed.contains(asked);
    }
  }

  /**
   * Why each refused rule of {@code rules} is refused, as {@code spec.roleRules[i]: ...}; empty
   * when the allow-list allows them all.
   */
  public List<String> refusals(List<RoleRule> rules) {
    List<String> refusals = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      int index = i;
      firstRefused(rules.get(i))
          .ifPresent(
              refused ->
                  refusals.add(
                      "spec.roleRules["
                          + index
                          + "] grants "
                          + refused
                          + ", which the cluster's allow-list of roleRules ("
                          + SETTING
                          + " in the operator's chart) does not allow"));
    }
    return refusals;
  }

  private Optional<String> firstRefused(RoleRule rule) {
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        for (String verb : rule.getVerbs()) {
          if (entries.stream().noneMatch(entry -> entry.allows(group, resource, verb))) {
            return Optional.of(
                verb
                    + " on "
                    + resource
                    + " in "
                    + (group.isEmpty() ? "the core API group" : "API group " + group));
          }
        }
      }
    }
    return Optional.empty();
  }
}
