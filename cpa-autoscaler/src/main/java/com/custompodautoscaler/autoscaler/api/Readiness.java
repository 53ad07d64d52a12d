package com.custompodautoscaler.autoscaler.api;

/** Whether the autoscaler is ready to run: its config is loaded and the API server has answered. */
public final class Readiness {

  private volatile String notReadyReason = "the Kubernetes API server has not answered yet";

  public void markReady() {
    notReadyReason = null;
  }

  public boolean isReady() {
    return notReadyReason == null;
  }

  /** Why the autoscaler is not ready; empty when it is. */
  public String reason() {
    String reason = notReadyReason;
    return reason == null ? "" : reason;
  }
}
