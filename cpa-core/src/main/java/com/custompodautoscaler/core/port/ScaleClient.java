package com.custompodautoscaler.core.port;

import com.custompodautoscaler.core.model.TargetRef;

/** Reads and writes a target's {@code scale} subresource. */
public interface ScaleClient {

  /** The target's current scale. */
  ScaleState readScale(TargetRef target, String namespace);

  /** Sets the target's desired replicas through its {@code scale} subresource. */
  void setReplicas(TargetRef target, String namespace, int replicas);
}
