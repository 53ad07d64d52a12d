package com.custompodautoscaler.playground;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The servers, processes and threads a start has started so far, to close the last started first:
 * all of them when their owner closes, or those started before a step that failed, so that a failed
 * start leaves nothing running.
 */
final class StartedParts implements AutoCloseable {

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();

  /** Remembers {@code part}, just started, and gives it back. */
  synchronized <T extends AutoCloseable> T add(T part) {
    parts.push(part);
    return part;
  }

  /** Closes every part, the last started first; one that fails to close does not keep the rest. */
  @Override
  public synchronized void close() {
    IllegalStateException failure = new IllegalStateException("some parts did not close");
    closeAll(failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  /**
   * Closes every part because a later step failed with {@code failure}, which the caller throws; a
   * part that fails to close is added to it as suppressed.
   */
  synchronized void closeAfter(Exception failure) {
    closeAll(failure);
  }

  private void closeAll(Exception failures) {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        failures.addSuppressed(e);
      }
    }
  }
}
