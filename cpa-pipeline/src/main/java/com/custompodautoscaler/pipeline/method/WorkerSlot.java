package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.WorkerMethodConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place for a worker process, serving one call at a time. The process is started at the first
 * call and kept; a call that fails in a way that leaves the process in doubt (a timeout, an exit,
 * an overflow, more than one line for one call) kills it with its whole session, and the next call
 * starts a fresh one, after a backoff that doubles while starts keep failing.
 */
final class WorkerSlot {

  private static final Logger log = LoggerFactory.getLogger(WorkerSlot.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
  private static final long EXIT_STATUS_WAIT_MILLIS = 200;

  private final String stage;
  private final WorkerMethodConfig config;
  private final ProcessSessions sessions;
  private final Executor io;
  private final int maxOutputBytes;
  private final WorkerObserver observer;
  private volatile Optional<WorkerProcess> current = Optional.empty();
  private volatile boolean stopped;
  private int failuresInARow;
  private long nextStartNanos = System.nanoTime();

  WorkerSlot(
      String stage,
      WorkerMethodConfig config,
      ProcessSessions sessions,
      Executor io,
      int maxOutputBytes,
      WorkerObserver observer) {
    this.stage = stage;
    this.config = config;
    this.sessions = sessions;
    this.io = io;
    this.maxOutputBytes = maxOutputBytes;
    this.observer = observer;
  }

  /** Sends {@code line} to the worker and returns its answer, by {@code deadlineNanos}. */
  synchronized String call(String line, long deadlineNanos) throws InterruptedException {
    WorkerProcess worker = ready(deadlineNanos);
    try {
      worker.send(line);
    } catch (IOException e) {
      throw failed(
          worker,
          "exited",
          "closed its stdin; exit status " + worker.exitStatus(EXIT_STATUS_WAIT_MILLIS));
    }
    WorkerProcess.Output answer = worker.next(remainingMillis(deadlineNanos));
    if (answer == null) {
      throw failed(worker, "timeout", "timed out after " + config.timeout().toMillis() + " ms");
    }
    if (answer instanceof WorkerProcess.Output.Overflow) {
      throw failed(
          worker,
          "overflow",
          "wrote more than " + maxOutputBytes + " bytes to stdout (maxOutputBytes)");
    }
    if (answer instanceof WorkerProcess.Output.Ended) {
      throw failed(
          worker,
          "exited",
          "exited before it answered; exit status " + worker.exitStatus(EXIT_STATUS_WAIT_MILLIS));
    }
    List<String> lines = ((WorkerProcess.Output.Lines) answer).lines();
    if (lines.size() > 1 || worker.hasUnreadOutput()) {
      throw failed(worker, "extra_output", "answered one call with more than one line");
    }
    failuresInARow = 0;
    return lines.get(0);
  }

  /** The running worker, after starting one if there is none. */
  private WorkerProcess ready(long deadlineNanos) throws InterruptedException {
    if (stopped) {
      throw new UserLogicException(
          config.describe() + " is stopped: the autoscaler is shutting down");
    }
    if (current.isPresent() && current.get().hasUnreadOutput()) {
      // Output that came after the last answer belongs to no call; the next must not take it.
      WorkerProcess stale = current.get();
      failed(stale, "extra_output", "wrote output after its last answer");
    }
    if (current.isPresent()) {
      return current.get();
    }
    long wait = nextStartNanos - System.nanoTime();
    if (wait > deadlineNanos - System.nanoTime()) {
      throw new UserLogicException(
          config.describe()
              + " failed "
              + failuresInARow
              + " times in a row; the next start is in "
              + TimeUnit.NANOSECONDS.toMillis(wait)
              + " ms");
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return start();
  }

  private WorkerProcess start() {
    List<String> command = new ArrayList<>();
    command.add(
        sessions
            .executable(config.entrypoint())
            .orElseThrow(
                () ->
                    new UserLogicException(
                        "entrypoint '" + config.entrypoint() + "' not found or not executable"))
            .toString());
    command.addAll(config.command());
    try {
      WorkerProcess worker =
          WorkerProcess.start(sessions, command, maxOutputBytes, io, this::logStderr);
      current = Optional.of(worker);
      return worker;
    } catch (IOException e) {
      throw new UserLogicException(config.describe() + " could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Ends {@code worker} with its session and says why ({@code reason} is the short name metrics
   * count it by), in a failure for the call; the next call starts a fresh worker, later the more
   * often this happened in a row.
   */
  private UserLogicException failed(WorkerProcess worker, String reason, String why)
      throws InterruptedException {
    // All that a worker which exited wrote; of one that is ended here, what it wrote before (a
    // shell whose child is killed first may still print "Killed": the kill's noise, not the
    // worker's).
    String stderr = worker.stderrTail(EXIT_STATUS_WAIT_MILLIS);
    sessions.killSession(worker.process());
    current = Optional.empty();
    failuresInARow++;
    Duration backoff = backoff(failuresInARow);
    nextStartNanos = System.nanoTime() + backoff.toNanos();
    String message =
        config.describe() + " " + why + (stderr.isEmpty() ? "" : "; stderr: " + stderr);
    if (stopped) {
      return new UserLogicException(message);
    }
    observer.workerReplaced(stage, reason);
    log.warn(
        "{} worker replaced ({} in a row), next start in {} ms: {}",
        stage,
        failuresInARow,
        backoff.toMillis(),
        message);
    return new UserLogicException(message);
  }

  /** No wait after one failure, then 100 ms doubling up to 30 s. */
  static Duration backoff(int failuresInARow) {
    if (failuresInARow <= 1) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failuresInARow - 2, 20);
    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
    return backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
  }

  private void logStderr(String line) {
    if (config.logStderr()) {
      log.info("{} worker stderr: {}", stage, line);
    } else {
      log.debug("{} worker stderr: {}", stage, line);
    }
  }

  /**
   * Ends the worker, if one runs, at once, even during a call (which then fails), and starts no
   * other: for shutting down.
   */
  void stop() {
    stopped = true;
    current.ifPresent(worker -> sessions.killSession(worker.process()));
  }

  private static long remainingMillis(long deadlineNanos) {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
  }
}
