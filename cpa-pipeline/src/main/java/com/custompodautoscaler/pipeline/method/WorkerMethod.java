package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.WorkerMethodConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Calls a stage's worker: a command started once and kept, which reads one stage document per line
 * on stdin and answers each with one line on stdout; {@code {"error": "..."}} as the answer fails
 * the call, as a non-zero exit fails a shell command. Up to {@code processes} workers answer calls
 * at once, one call each; a call waits for a free one within its timeout.
 */
final class WorkerMethod implements MethodRunner, AutoCloseable {

  private final WorkerMethodConfig config;
  private final List<WorkerSlot> slots = new ArrayList<>();
  private final BlockingQueue<WorkerSlot> free;

  WorkerMethod(
      String stage,
      WorkerMethodConfig config,
      ProcessSessions sessions,
      Executor io,
      int maxOutputBytes,
      WorkerObserver observer) {
    this.config = config;
    this.free = new ArrayBlockingQueue<>(config.processes());
    for (int i = 0; i < config.processes(); i++) {
      slots.add(new WorkerSlot(stage, config, sessions, io, maxOutputBytes, observer));
    }
    free.addAll(slots);
  }

  @Override
  public String call(String document) {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    try {
      WorkerSlot slot = free.poll(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
      if (slot == null) {
        throw new UserLogicException(
            config.describe()
                + " timed out after "
                + config.timeout().toMillis()
                + " ms waiting for a free worker");
      }
      try {
        return WorkerAnswer.of(slot.call(oneLine(document), deadline), config);
      } finally {
        free.add(slot);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserLogicException(config.describe() + " was interrupted", e);
    }
  }

  /**
   * The document on one line. JSON allows a line break only as whitespace between tokens (inside a
   * string it is always escaped), so a space in its place keeps the document's meaning.
   */
  static String oneLine(String document) {
    return document.replace('\n', ' ').replace('\r', ' ');
  }

  /** Ends every worker at once and starts no other. */
  @Override
  public void close() {
    slots.forEach(WorkerSlot::stop);
  }
}
