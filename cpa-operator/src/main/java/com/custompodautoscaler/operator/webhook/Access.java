package com.custompodautoscaler.operator.webhook;

import com.custompodautoscaler.api.v1.RoleRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request a Role rule allows, as a SubjectAccessReview asks about it: a verb on a resource (or
 * its subresource) of an API group, of one name or of any ({@code ""}). A {@code *} stays a {@code
 * *}, which only a {@code *} of the user's own rules allows.
 *
 * @param group the API group, {@code ""} for the core group
 * @param resource the resource
 * @param subresource the subresource, {@code ""} for none
 * @param verb the verb
 * @param name the object's name, {@code ""} for any
 */
record Access(String group, String resource, String subresource, String verb, String name) {

  /** Every request {@code rule} allows, one per group, resource, verb and name it lists. */
  static List<Access> of(RoleRule rule) {
    List<String> names =
        Optional.ofNullable(rule.getResourceNames())
            .filter(list -> !list.isEmpty())
            .orElse(List.of(""));
    List<Access> accesses = new ArrayList<>();
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        int slash = resource.indexOf('/');
        String main = slash < 0 ? resource : resource.substring(0, slash);
        String sub = slash < 0 ? "" : resource.substring(slash + 1);
        for (String verb : rule.getVerbs()) {
          for (String name : names) {
            accesses.add(new Access(group, main, sub, verb, name));
          }
        }
      }
    }
    return accesses;
  }

  /** In words, as "get secrets in the core API group" or "patch deployments/scale named web". */
  String describe() {
    return verb
        + " "
        + resource
        + (subresource.isEmpty() ? "" : "/" + subresource)
        + (name.isEmpty() ? "" : " named " + name)
        + " in "
        + (group.isEmpty() ? "the core API group" : "API group " + group);
  }
}
