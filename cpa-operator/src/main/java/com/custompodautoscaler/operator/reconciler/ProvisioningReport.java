package com.custompodautoscaler.operator.reconciler;

import java.util.ArrayList;
import java.util.List;

/** What one reconciliation found wrong, for the Ready condition. */
final class ProvisioningReport {

  private final List<String> problems = new ArrayList<>();

  void problem(String problem) {
    problems.add(problem);
  }

  boolean isReady() {
    return problems.isEmpty();
  }

  String message() {
    return problems.isEmpty()
        ? "the ServiceAccount, Role, RoleBinding and Deployment are in place"
        : String.join("; ", problems);
  }
}
