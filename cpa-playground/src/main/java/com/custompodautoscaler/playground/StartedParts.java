package com.custompodautoscaler.playground;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The servers, processes and threads a start has started so far, to close the last started first:
 * all of them when their owner closes, or those started before a step that failed, so that a failed
 * start leaves nothing running.
 */
final class StartedParts implements AutoCloseable {

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();

  /** A start in steps, each part remembered in {@code parts} as it starts. */
  interface Start<T> {
    T startInto(StartedParts parts) throws IOException;
  }

  /** What {@code start} gives, from new parts, of which it closes those started if it fails. */
  static <T> T closedOnFailure(Start<T> start) throws IOException {
    StartedParts parts = new StartedParts();
    try {
      return start.startInto(parts);
    } catch (IOException | RuntimeException e) {
      parts.closeAfter(e);
      throw e;
    }
  }

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

  /** Closes every part because a later step failed with {@code failure}, which is then thrown. */
  private synchronized void closeAfter(Exception failure) {
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
