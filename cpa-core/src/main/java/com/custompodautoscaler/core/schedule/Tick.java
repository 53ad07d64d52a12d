package com.custompodautoscaler.core.schedule;

import java.time.Instant;
import java.util.Objects;

/** When the next run starts, and the grid tick it stands for. */
public record Tick(Instant runAt, Instant gridTick) {

  public Tick {
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(gridTick, "gridTick");
  }
}
