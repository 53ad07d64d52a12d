package com.custompodautoscaler.core.port;

import java.util.OptionalInt;

/** A Kubernetes API call that failed; carries the HTTP status when the server answered. */
public class KubernetesAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;

  private final OptionalInt status;

  public KubernetesAccessException(String message, OptionalInt status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the API server answered with, if it answered. */
  public OptionalInt status() {
    return status;
  }

  /** Whether the server refused the caller's identity the permission the call needs. */
  public boolean isForbidden() {
    return status.isPresent() && status.getAsInt() == FORBIDDEN;
  }

  /** Whether the server has nothing at the path the call asked for. */
  public boolean isNotFound() {
    return status.isPresent() && status.getAsInt() == NOT_FOUND;
  }

  /** Whether the server refused a write because the object changed meanwhile. */
  public boolean isConflict() {
    return status.isPresent() && status.getAsInt() == CONFLICT;
  }
}
