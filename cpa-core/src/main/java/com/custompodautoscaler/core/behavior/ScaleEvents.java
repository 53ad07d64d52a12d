package com.custompodautoscaler.core.behavior;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rescales in one direction, in slot order. An event older than its direction's longest policy
 * period is outdated: it no longer limits anything, and its slot is reused by the next event.
 */
public record ScaleEvents(List<ScaleEvent> events) {

  public ScaleEvents {
    events = List.copyOf(events);
  }

  /** No events, as every autoscaler starts. */
  public static ScaleEvents empty() {
    return new ScaleEvents(List.of());
  }

  /** How many replicas the events made strictly after {@code cutoff} added or removed. */
  public long replicasChangedAfter(Instant cutoff) {
    return events.stream()
        .filter(event -> event.at().isAfter(cutoff))
        .mapToLong(ScaleEvent::replicaChange)
        .sum();
  }

  /**
   * These events with {@code event} stored in the last slot of an event made before {@code
   * outdatedBefore}, or appended when no event is that old.
   */
  public ScaleEvents with(ScaleEvent event, Instant outdatedBefore) {
    List<ScaleEvent> stored = new ArrayList<>(events);
    int slot = lastSlotBefore(outdatedBefore);
    if (slot < 0) {
      stored.add(event);
    } else {
      stored.set(slot, event);
    }
    return new ScaleEvents(stored);
  }

  private int lastSlotBefore(Instant cutoff) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).at().isBefore(cutoff)) {
        return i;
      }
    }
    return -1;
  }
}
