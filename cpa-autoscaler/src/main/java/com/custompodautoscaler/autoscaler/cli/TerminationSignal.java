package com.custompodautoscaler.autoscaler.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for SIGTERM or SIGINT, shuts down, and ends the process with status 0. The JVM runs its
 * shutdown hooks on those signals and would then exit with 128 plus the signal number; the hook
 * here waits for the shutdown to finish and halts with 0 instead, since stopping on request is
 * success.
 */
public final class TerminationSignal {

  private static final Logger log = LoggerFactory.getLogger(TerminationSignal.class);
  private static final long LONGEST_SHUTDOWN_SECONDS = 30;

  private TerminationSignal() {}

  /** Blocks until the process is asked to terminate, then runs {@code shutdown} and exits 0. */
  public static void awaitThenExitCleanly(Runnable shutdown) throws InterruptedException {
    CountDownLatch requested = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  requested.countDown();
                  try {
                    finished.await(LONGEST_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  Runtime.getRuntime().halt(0);
                },
                "termination"));
    requested.await();
    try {
      shutdown.run();
      log.info("stopped");
    } finally {
      finished.countDown();
    }
  }
}
