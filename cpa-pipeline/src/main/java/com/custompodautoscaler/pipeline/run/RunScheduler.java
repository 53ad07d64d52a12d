package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.schedule.BackOff;
import com.custompodautoscaler.core.schedule.Tick;
import com.custompodautoscaler.core.schedule.TickSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts scheduled runs as CPA v2 does: aligned to {@code startTime}, the first one interval after
 * the aligned start, then at a fixed rate, keeping at most one pending tick when a run overruns.
 * Stopping ends the waiting at once; a run in progress is left to finish.
 *
 * <p>No thread of its own: ticks wait on {@code ticks}, and each run is handed to {@code runs}, so
 * that many autoscalers can share both. A run that takes long holds one thread of {@code runs} and
 * delays only its own autoscaler's next tick.
 */
public final class RunScheduler {

  private static final Logger log = LoggerFactory.getLogger(RunScheduler.class);

  private final Autoscaler autoscaler;
  private final Duration startTime;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService ticks;
  private final Executor runs;
  private final Options options;
  private final Object lock = new Object();
  private int failuresInARow;
  private TickSchedule schedule;
  private ScheduledFuture<?> pending;
  private boolean stopped;
  private boolean inFlight;
  private Thread running;

  /**
   * What a scheduler may do besides running on its ticks.
   *
   * @param lateness told, as each run starts, how long after its scheduled time it started: the
   *     time it waited for a tick thread and a run thread
   * @param backOff how many ticks to let pass while runs keep failing
   */
  public record Options(Consumer<Duration> lateness, BackOff backOff) {

    /** Nothing told, no back-off: CPA v2's schedule. */
    public static Options plain() {
      return new Options(late -> {}, BackOff.NONE);
    }
  }

  public RunScheduler(
      Autoscaler autoscaler,
      Duration startTime,
      Duration interval,
      Clock clock,
      ScheduledExecutorService ticks,
      Executor runs,
      Options options) {
    this.autoscaler = autoscaler;
    this.startTime = startTime;
    this.interval = interval;
    this.clock = clock;
    this.ticks = ticks;
    this.runs = runs;
    this.options = options;
  }

  /** Starts the runs as CPA v2 does: the first one interval after the aligned start. */
  public void start() {
    synchronized (lock) {
      schedule = TickSchedule.startingAt(clock.instant(), startTime, interval);
      log.info(
          "waiting {} ms before starting the autoscaler; first run at {}",
          Duration.between(clock.instant(), schedule.alignedStart()).toMillis(),
          schedule.first().runAt());
      scheduleTick(schedule.first());
    }
  }

  /**
   * Starts the runs of an autoscaler that last ran at {@code lastRun} elsewhere (a hosted CPA that
   * another replica ran, or that an edit restarted): the first when the run after that one is due,
   * at once when it is overdue, then at the interval from there.
   */
  public void resume(Instant lastRun) {
    synchronized (lock) {
      schedule = TickSchedule.startingAt(clock.instant(), startTime, interval);
      Tick first = schedule.after(lastRun, clock.instant());
      log.info("resuming after the run of {}; next run at {}", lastRun, first.runAt());
      scheduleTick(first);
    }
  }

  /** Waits for {@code tick} on the tick executor, then hands the run to the run executor. */
  private void scheduleTick(Tick tick) {
    if (stopped) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), tick.runAt()).toMillis());
    pending =
        ticks.schedule(
            () -> {
              synchronized (lock) {
                if (stopped) {
                  return;
                }
                inFlight = true;
              }
              runs.execute(() -> run(tick));
            },
            delay,
            TimeUnit.MILLISECONDS);
  }

  private void run(Tick tick) {
    synchronized (lock) {
      running = Thread.currentThread();
    }
    // A tick waits whole milliseconds, so a run may start a fraction of one early: on time.
    Duration late = Duration.between(tick.runAt(), clock.instant());
    options.lateness().accept(late.isNegative() ? Duration.ZERO : late);
    boolean succeeded = false;
    try {
      succeeded = autoscaler.run(RunType.SCALER, RunGoal.SCALE, tick.gridTick()).succeeded();
    } catch (InterruptedException e) {
      log.debug("run interrupted");
    } catch (RuntimeException e) {
      log.error("run failed unexpectedly", e);
    } finally {
      synchronized (lock) {
        running = null;
        inFlight = false;
        // The thread goes back to a shared pool: whatever interrupted this run ends with it.
        Thread.interrupted();
        scheduleTick(schedule.after(lastTickOf(tick, succeeded), clock.instant()));
        lock.notifyAll();
      }
    }
  }

  /**
   * The grid tick the next tick follows: this run's, or a later one while runs keep failing and the
   * options back off.
   */
  private Instant lastTickOf(Tick tick, boolean succeeded) {
    failuresInARow = succeeded ? 0 : failuresInARow + 1;
    int skipped = options.backOff().ticksToSkip(failuresInARow);
    if (skipped > 0) {
      log.info(
          "{} runs in a row failed; the next run waits {} intervals more", failuresInARow, skipped);
    }
    return tick.gridTick().plus(interval.multipliedBy(skipped));
  }

  /** Starts no more runs. */
  public void stopScheduling() {
    synchronized (lock) {
      stopped = true;
      if (pending != null) {
        pending.cancel(false);
      }
      lock.notifyAll();
    }
    log.debug("scheduler stopped");
  }

  /** Waits up to {@code patience} for a run in progress to end; true when none is left. */
  public boolean awaitStopped(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (lock) {
      while (inFlight) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        lock.wait(left);
      }
      return true;
    }
  }

  /**
   * Starts no more runs and ends the one in progress: it has {@code grace} to end; then {@code
   * endCommands} kills the commands it started and it has {@code grace} again; then it is
   * interrupted.
   */
  public void stop(Duration grace, Runnable endCommands) throws InterruptedException {
    stopScheduling();
    if (awaitStopped(grace)) {
      return;
    }
    log.warn("the run in progress did not end within {} s; ending its commands", grace.toSeconds());
    endCommands.run();
    if (!awaitStopped(grace)) {
      interrupt();
    }
  }

  /** Interrupts a run that would not end. */
  private void interrupt() {
    synchronized (lock) {
      if (running != null) {
        running.interrupt();
      }
    }
  }
}
