package com.custompodautoscaler.operator;

import java.util.Optional;
import java.util.Set;

/**
 * How the operator runs: the namespaces it watches (all when empty), the namespace of its
 * leader-election lease (leader election is off without one), and its health and metrics port.
 */
public record OperatorSettings(
    Set<String> namespaces, Optional<String> leaseNamespace, int healthPort) {

  public OperatorSettings {
    namespaces = Set.copyOf(namespaces);
  }
}
