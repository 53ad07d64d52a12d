package com.custompodautoscaler.host.cpa;

import java.io.IOException;

/** A ConfigMap a hosted CPA mounts, and does not mark optional, is not there (yet). */
public final class MissingConfigMapException extends IOException {

  public MissingConfigMapException(String configMap, String volume) {
    super("ConfigMap " + configMap + " (volume " + volume + ") is not there; the CPA waits for it");
  }
}
