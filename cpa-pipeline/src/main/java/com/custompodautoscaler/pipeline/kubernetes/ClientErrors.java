package com.custompodautoscaler.pipeline.kubernetes;

import java.io.IOException;

/** Messages for failures of the Kubernetes client that say what actually went wrong. */
public final class ClientErrors {

  private ClientErrors() {}

  /**
   * The failure's message followed by its most telling cause, since the client often says only "An
   * error has occurred." and leaves the reason (connection refused, unknown host) to a cause that
   * may have no message of its own, only its type.
   */
  public static String describe(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    for (Throwable cause = failure.getCause();
        cause != null && cause != failure;
        cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
        return message + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
      }
      if (cause.getMessage() == null
          && cause instanceof IOException
          && cause.getClass() != IOException.class) {
        return message + " (" + cause.getClass().getSimpleName() + ")";
      }
    }
    return message;
  }
}
