package com.custompodautoscaler.core.hpa;

import java.util.Objects;

/**
 * What pod grouping needs to know about one pod of the target: its name, phase, whether it has a
 * deletion timestamp, and what it reported about its start.
 */
public record PodState(String name, PodPhase phase, boolean markedForDeletion, PodStartup startup) {

  public PodState {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("pod name must not be empty");
    }
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(startup, "startup");
  }

  /** Whether the pod is on its way out (deleted or Failed) and so counts for nothing. */
  public boolean isGone() {
    return markedForDeletion || phase == PodPhase.FAILED;
  }
}
