package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.operator.model.AutoscalerWorkload;
import com.custompodautoscaler.operator.model.NameConflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one reconciliation found, for the status: problems, an object of the CPA's name that is not
 * its own, the Role it applied, and what runs the autoscaler.
 */
final class ProvisioningReport {

  /** The reason of the Ready condition, and of the event, when the allow-list refuses a rule. */
  static final String ROLE_RULES_REFUSED = "RoleRulesRefused";

  private final List<String> problems = new ArrayList<>();
  private NameConflict conflict;
  private final List<String> refusedRoleRules = new ArrayList<>();
  private Integer addedRoleRules;
  private AutoscalerWorkload workload =
      AutoscalerWorkload.none("the operator could not find out: its reconciliation failed");

  void problem(String problem) {
    problems.add(problem);
  }

  /** An object of the CPA's name is someone else's; the first one stops provisioning. */
  void conflict(NameConflict found) {
    if (conflict == null) {
      conflict = found;
    }
  }

  Optional<NameConflict> conflict() {
    return Optional.ofNullable(conflict);
  }

  /** The allow-list refused these rules of {@code spec.roleRules}, so the Role has none of them. */
  void roleRulesRefused(List<String> refusals) {
    refusedRoleRules.addAll(refusals);
  }

  /** The Role was applied with {@code count} rules of {@code spec.roleRules}. */
  void roleApplied(int count) {
    addedRoleRules = count;
  }

  /** How many rules of {@code spec.roleRules} the applied Role has; empty if none was applied. */
  Optional<Integer> addedRoleRules() {
    return Optional.ofNullable(addedRoleRules);
  }

  void workload(AutoscalerWorkload found) {
    workload = found;
  }

  /** What runs the autoscaler, or why nothing does. */
  AutoscalerWorkload workload() {
    return workload;
  }

  boolean isReady() {
    return problems.isEmpty() && conflict == null && refusedRoleRules.isEmpty();
  }

  /** The reason of the Ready condition. */
  String reason() {
    if (conflict != null) {
      return "NameConflict";
    }
    if (!refusedRoleRules.isEmpty()) {
      return ROLE_RULES_REFUSED;
    }
    return problems.isEmpty() ? "Provisioned" : "NotProvisioned";
  }

  String message() {
    List<String> all = new ArrayList<>();
    conflict().ifPresent(found -> all.add(found.message()));
    if (!refusedRoleRules.isEmpty()) {
      all.addAll(refusedRoleRules);
      all.add(
          "the Role holds the operator's own rules only, until spec.roleRules asks for no more"
              + " than the allow-list allows");
    }
    all.addAll(problems);
    if (!all.isEmpty()) {
      return String.join("; ", all);
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
