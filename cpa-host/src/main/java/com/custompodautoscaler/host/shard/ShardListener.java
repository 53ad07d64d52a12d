package com.custompodautoscaler.host.shard;

/** Hears which shards this replica runs the CPAs of. */
public interface ShardListener {

  /** This replica holds {@code shard} now: its CPAs are to run here. */
  void acquired(int shard);

  /**
   * This replica no longer holds {@code shard}, or is about to give it away: its CPAs are to stop
   * here, and must have stopped when this returns.
   */
  void lost(int shard);
}
