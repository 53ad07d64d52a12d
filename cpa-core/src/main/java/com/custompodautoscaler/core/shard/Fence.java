package com.custompodautoscaler.core.shard;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a replica may still act on a shard it holds. Its hold is certain only from the moment it
 * sent the renewal that succeeded, for the lease's duration less a margin for the time a write
 * takes to land; a replica that was paused, or cut off, past that must stop, because another may
 * have taken the shard meanwhile. All by the replica's own monotonic clock, which pauses do not
 * confuse.
 */
public final class Fence {

  private Fence() {}

  /**
   * Whether a replica whose last successful renewal of a lease of {@code duration} was sent at
   * {@code renewalSent} may act at {@code now}, keeping {@code margin} in hand.
   */
  public static boolean mayAct(
      Instant renewalSent, Duration duration, Duration margin, Instant now) {
    return now.isBefore(renewalSent.plus(duration).minus(margin));
  }
}
