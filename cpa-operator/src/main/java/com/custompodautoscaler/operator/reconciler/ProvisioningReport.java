package com.custompodautoscaler.operator.reconciler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one reconciliation found wrong, for the Ready condition, and what Role it applied. */
final class ProvisioningReport {

  private final List<String> problems = new ArrayList<>();
  private Integer addedRoleRules;

  void problem(String problem) {
    problems.add(problem);
  }

  /** The Role was applied with {@code count} rules of {@code spec.roleRules}. */
  void roleApplied(int count) {
    addedRoleRules = count;
  }

  /** How many rules of {@code spec.roleRules} the applied Role has; empty if none was applied. */
  Optional<Integer> addedRoleRules() {
    return Optional.ofNullable(addedRoleRules);
  }

  boolean isReady() {
    return problems.isEmpty();
  }

  String message() {
    if (!problems.isEmpty()) {
      return String.join("; ", problems);
    }
    String role =
        addedRoleRules()
            .filter(count -> count > 0)
            .map(
                count ->
                    "Role (with "
                        + count
                        + (count == 1 ? " rule" : " rules")
                        + " from spec.roleRules)")
            .orElse("Role");
    return "the ServiceAccount, " + role + ", RoleBinding and Deployment are in place";
  }
}
