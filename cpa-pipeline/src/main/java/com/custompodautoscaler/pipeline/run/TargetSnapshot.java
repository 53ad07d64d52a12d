package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleState;
import java.util.Objects;

/** The target object and its scale, read once at the start of a run. */
record TargetSnapshot(KubernetesObject resource, ScaleState scale) {

  TargetSnapshot {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(scale, "scale");
  }

  int currentReplicas() {
    return scale.replicas();
  }
}
