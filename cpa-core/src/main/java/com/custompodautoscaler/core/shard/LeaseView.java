package com.custompodautoscaler.core.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A lease as one replica sees it: who holds it ({@code ""} for nobody), for how long a hold lasts,
 * and when this replica last saw its record change, by its own clock. Expiry is judged from that
 * local moment, never from the renew time another replica wrote, so the replicas' clocks need not
 * agree.
 */
public record LeaseView(String holder, Duration duration, Instant lastChangeSeen) {

  public LeaseView {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(lastChangeSeen, "lastChangeSeen");
  }

  /**
   * Whether nobody holds the lease at {@code now}: released, never held, or not renewed in time.
   */
  public boolean freeAt(Instant now) {
    return holder.isEmpty() || !now.isBefore(lastChangeSeen.plus(duration));
  }

  /** Whether {@code member} holds the lease at {@code now}. */
  public boolean heldBy(String member, Instant now) {
    return holder.equals(member) && !freeAt(now);
  }
}
