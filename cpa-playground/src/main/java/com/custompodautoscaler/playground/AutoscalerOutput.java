package com.custompodautoscaler.playground;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The autoscaler's log lines as the playground shows them: run summaries as decisions, warnings and
 * errors as they are, nothing once the playground stops it. Keeps the error of the last failed run.
 */
final class AutoscalerOutput implements Consumer<String> {

  private final Console console;
  private final CountDownLatch firstRun = new CountDownLatch(1);
  private volatile String lastRunError = "";
  private volatile boolean stopping;

  AutoscalerOutput(Console console) {
    this.console = console;
  }

  @Override
  public void accept(String line) {
    if (stopping) {
      return;
    }
    var summary = RunSummary.parse(line);
    if (summary.isPresent()) {
      firstRun.countDown();
      if (!summary.get().succeeded()) {
        lastRunError = summary.get().error();
      }
      console.run(summary.get());
    } else if (line.contains(" WARN ") || line.contains(" ERROR ")) {
      console.event("autoscaler: " + line.substring(line.indexOf(' ') + 1));
    }
  }

  /** From now on the autoscaler is being stopped: what it says while it stops is not shown. */
  void stopping() {
    stopping = true;
  }

  /** Waits at most {@code timeout} for the autoscaler's first run; whether it came. */
  boolean awaitFirstRun(Duration timeout) throws InterruptedException {
    return firstRun.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The error of the last run that failed, or an empty string. */
  String lastRunError() {
    return lastRunError;
  }
}
