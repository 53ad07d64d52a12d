package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.schedule.Tick;
import com.custompodautoscaler.core.schedule.TickSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts scheduled runs as CPA v2 does: aligned to {@code startTime}, the first one interval after
 * the aligned start, then at a fixed rate, keeping at most one pending tick when a run overruns.
 * Stopping ends the waiting at once; a run in progress is left to finish.
 */
public final class RunScheduler {

  private static final Logger log = LoggerFactory.getLogger(RunScheduler.class);

  private final Autoscaler autoscaler;
  private final Duration startTime;
  private final Duration interval;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Thread thread;

  public RunScheduler(Autoscaler autoscaler, Duration startTime, Duration interval, Clock clock) {
    this.autoscaler = autoscaler;
    this.startTime = startTime;
    this.interval = interval;
    this.clock = clock;
    this.thread = new Thread(this::loop, "scheduler");
  }

  public void start() {
    thread.start();
  }

  private void loop() {
    TickSchedule schedule = TickSchedule.startingAt(clock.instant(), startTime, interval);
    log.info(
        "waiting {} ms before starting the autoscaler; first run at {}",
        Duration.between(clock.instant(), schedule.alignedStart()).toMillis(),
        schedule.first().runAt());
    Tick tick = schedule.first();
    try {
      while (waitUntil(tick.runAt())) {
        autoscaler.run(RunType.SCALER, RunGoal.SCALE, tick.gridTick());
        tick = schedule.after(tick.gridTick(), clock.instant());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.debug("scheduler stopped");
  }

  /** Waits until {@code moment}; false when stopping was requested meanwhile. */
  private boolean waitUntil(Instant moment) throws InterruptedException {
    long millis = Duration.between(clock.instant(), moment).toMillis();
    return !stopRequested.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** Starts no more runs. */
  public void stopScheduling() {
    stopRequested.countDown();
  }

  /** Waits up to {@code patience} for a run in progress to end; true when none is left. */
  public boolean awaitStopped(Duration patience) throws InterruptedException {
    thread.join(Math.max(1, patience.toMillis()));
    return !thread.isAlive();
  }

  /** Interrupts a run that would not end. */
  public void interrupt() {
    thread.interrupt();
  }
}
