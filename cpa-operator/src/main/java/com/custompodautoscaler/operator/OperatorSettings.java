package com.custompodautoscaler.operator;

import com.custompodautoscaler.operator.model.HostAccount;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.operator.webhook.WebhookSettings;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator runs: the namespaces it watches (all when empty), the namespace of its
 * leader-election lease (leader election is off without one), its health and metrics port, the
 * rules {@code spec.roleRules} may grant at all, its admission webhook (off without one), and the
 * account of the autoscaler host, which it lets impersonate each hosted CPA's (none without one).
 */
public record OperatorSettings(
    Set<String> namespaces,
    Optional<String> leaseNamespace,
    int healthPort,
    RoleRuleAllowList roleRulesAllowed,
    Optional<WebhookSettings> webhook,
    Optional<HostAccount> host) {

  public OperatorSettings {
    namespaces = Set.copyOf(namespaces);
  }
}
