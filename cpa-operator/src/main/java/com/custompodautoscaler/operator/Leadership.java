package com.custompodautoscaler.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's part in leader election: whether it leads, and what happens when it stops leading.
 * Losing the lease while running ends the process with status 1, so that it starts again as a
 * standby and never reconciles beside a new leader; giving it up on shutdown does not.
 */
final class Leadership {

  private static final Logger log = LoggerFactory.getLogger(Leadership.class);

  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  LeaderCallbacks callbacks() {
    return new LeaderCallbacks(() -> leading.set(true), this::stoppedLeading, leader -> {});
  }

  boolean isLeading() {
    return leading.get();
  }

  /** Called before the operator stops, so that giving up the lease is not taken as losing it. */
  void shutdown() {
    shuttingDown.set(true);
  }

  private void stoppedLeading() {
    leading.set(false);
    if (!shuttingDown.get()) {
      log.error("lost the leader-election lease; exiting to start again as a standby");
      // Halt rather than exit: exit would run the shutdown hook, which ends the process with 0.
      Runtime.getRuntime().halt(1);
    }
  }
}
