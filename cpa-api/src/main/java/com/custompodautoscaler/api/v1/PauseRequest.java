package com.custompodautoscaler.api.v1;

import java.util.Map;
import java.util.Optional;

/**
 * What the annotation {@code v1.custompodautoscaler.com/paused-replicas} asks for: nothing, a pause
 * holding the target at some replica count, or nothing that can be done (the value is not a whole
 * number from 0 up).
 */
public sealed interface PauseRequest {

  /** The annotation that pauses a CustomPodAutoscaler. */
  String ANNOTATION = "v1.custompodautoscaler.com/paused-replicas";

  /** Not paused: the autoscaler runs. */
  record Running() implements PauseRequest {}

  /** Paused: the autoscaler is stopped and the target held at {@code replicas}. */
  record Paused(int replicas) implements PauseRequest {}

  /** An annotation value that is not a replica count; reported, and otherwise ignored. */
  record Invalid(String value) implements PauseRequest {}

  static PauseRequest from(Map<String, String> annotations) {
    String value = Optional.ofNullable(annotations).map(map -> map.get(ANNOTATION)).orElse(null);
    if (value == null) {
      return new Running();
    }
    try {
      int replicas = Integer.parseInt(value.strip());
      return replicas >= 0 ? new Paused(replicas) : new Invalid(value);
    } catch (NumberFormatException e) {
      return new Invalid(value);
    }
  }
}
