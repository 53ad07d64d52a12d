package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One RBAC rule that {@code spec.roleRules} adds to the autoscaler's Role, as a Role's {@code
 * PolicyRule}. {@code nonResourceURLs} is in the schema only so that the API server refuses it (a
 * Role cannot grant it) rather than dropping it without a word.
 */
@JsonPropertyOrder({"apiGroups", "resources", "resourceNames", "verbs", "nonResourceURLs"})
public class RoleRule {

  @Required
  @Size(min = 1)
  private List<String> apiGroups;

  @Required
  @Size(min = 1)
  private List<String> resources;

  private List<String> resourceNames;

  @Required
  @Size(min = 1)
  private List<String> verbs;

  @Size(max = 0)
  private List<String> nonResourceURLs;

  public RoleRule() {}

  /** A rule granting {@code verbs} on {@code resources} of {@code apiGroups}, of any name. */
  public RoleRule(List<String> apiGroups, List<String> resources, List<String> verbs) {
    this.apiGroups = new ArrayList<>(apiGroups);
    this.resources = new ArrayList<>(resources);
    this.verbs = new ArrayList<>(verbs);
  }

  /** The API groups, {@code ""} for the core group. */
  public List<String> getApiGroups() {
    return apiGroups;
  }

  public void setApiGroups(List<String> apiGroups) {
    this.apiGroups = apiGroups;
  }

  public List<String> getResources() {
    return resources;
  }

  public void setResources(List<String> resources) {
    this.resources = resources;
  }

  /** The names the rule is limited to; all when absent. */
  public List<String> getResourceNames() {
    return resourceNames;
  }

  public void setResourceNames(List<String> resourceNames) {
    this.resourceNames = resourceNames;
  }

  public List<String> getVerbs() {
    return verbs;
  }

  public void setVerbs(List<String> verbs) {
    this.verbs = verbs;
  }

  /** Never allowed: a Role cannot grant non-resource URLs. */
  public List<String> getNonResourceURLs() {
    return nonResourceURLs;
  }

  public void setNonResourceURLs(List<String> nonResourceURLs) {
    this.nonResourceURLs = nonResourceURLs;
  }

  /** Rules are equal when they list the same groups, resources, names, verbs and URLs. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RoleRule rule
        && Objects.equals(apiGroups, rule.apiGroups)
        && Objects.equals(resources, rule.resources)
        && Objects.equals(resourceNames, rule.resourceNames)
        && Objects.equals(verbs, rule.verbs)
        && Objects.equals(nonResourceURLs, rule.nonResourceURLs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiGroups, resources, resourceNames, verbs, nonResourceURLs);
  }
}
