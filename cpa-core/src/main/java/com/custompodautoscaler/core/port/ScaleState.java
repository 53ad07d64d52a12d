package com.custompodautoscaler.core.port;

import java.util.Objects;

/**
 * What a target's {@code scale} subresource says: the desired replicas ({@code spec.replicas}), the
 * replicas that exist ({@code status.replicas}), and the pod selector in label-selector string form
 * ({@code app=web,tier in (a,b)}); the selector is empty when the target publishes none.
 */
public record ScaleState(int replicas, int statusReplicas, String selector) {

  public ScaleState {
    if (replicas < 0 || statusReplicas < 0) {
      throw new IllegalArgumentException(
          "scale replicas must not be negative, got " + replicas + " and " + statusReplicas);
    }
    Objects.requireNonNull(selector, "selector");
  }

  /** Whether the target publishes a pod selector. */
  public boolean hasSelector() {
    return !selector.isBlank();
  }
}
