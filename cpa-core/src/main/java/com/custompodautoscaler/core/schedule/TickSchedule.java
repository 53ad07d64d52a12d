package com.custompodautoscaler.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * CPA v2's timing as pure arithmetic. The first tick comes one interval after the start, which is
 * aligned to a multiple of {@code startTime} since the epoch; ticks then follow at a fixed rate on
 * that grid. A run that overruns leaves at most one pending tick, which fires as soon as the run
 * ends; the other missed ticks are dropped, as a Go ticker drops them.
 */
public final class TickSchedule {

  private final Instant alignedStart;
  private final Duration interval;

  private TickSchedule(Instant alignedStart, Duration interval) {
    this.alignedStart = alignedStart;
    this.interval = interval;
  }

  /** The schedule for an autoscaler that starts at {@code now}. */
  public static TickSchedule startingAt(Instant now, Duration startTime, Duration interval) {
    requirePositive(startTime, "startTime");
    requirePositive(interval, "interval");
    return new TickSchedule(now.plus(delayUntilAlignedStart(now, startTime)), interval);
  }

  /**
   * How long to wait from {@code now} to the next multiple of {@code startTime}: a full {@code
   * startTime} when {@code now} is exactly on one.
   */
  public static Duration delayUntilAlignedStart(Instant now, Duration startTime) {
    requirePositive(startTime, "startTime");
    long period = startTime.toMillis();
    return Duration.ofMillis(period - Math.floorMod(now.toEpochMilli(), period));
  }

  /** The aligned start; the scheduler begins its ticks from here. */
  public Instant alignedStart() {
    return alignedStart;
  }

  /** The first tick: one interval after the aligned start. */
  public Tick first() {
    Instant tick = alignedStart.plus(interval);
    return new Tick(tick, tick);
  }

  /**
   * The tick after a run that stood for {@code previousGridTick} and ended at {@code now}: the next
   * grid tick if it is still ahead, otherwise one immediate run standing for the latest grid tick
   * that has passed.
   */
  public Tick after(Instant previousGridTick, Instant now) {
    Instant next = previousGridTick.plus(interval);
    if (next.isAfter(now)) {
      return new Tick(next, next);
    }
    long missed = Duration.between(next, now).toMillis() / interval.toMillis();
    return new Tick(now, next.plus(interval.multipliedBy(missed)));
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + duration);
    }
  }
}
