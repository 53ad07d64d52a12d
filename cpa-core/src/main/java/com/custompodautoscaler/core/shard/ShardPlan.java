package com.custompodautoscaler.core.shard;

import java.util.Map;
import java.util.Set;

/**
 * What a replica does with the shard leases in one round: renews those it keeps, takes free ones,
 * hands some of its own to the replicas that asked for them, and asks others for theirs.
 *
 * @param keep the shards it holds and goes on holding: renewed, and any request for them declined
 * @param acquire free shards it takes
 * @param handOver its shards it gives away, each to the replica that asked for it; it stops acting
 *     on their CPAs before the lease names the new holder
 * @param request shards of other replicas it asks for
 */
public record ShardPlan(
    Set<Integer> keep, Set<Integer> acquire, Map<Integer, String> handOver, Set<Integer> request) {

  public ShardPlan {
    keep = Set.copyOf(keep);
    acquire = Set.copyOf(acquire);
    handOver = Map.copyOf(handOver);
    request = Set.copyOf(request);
  }
}
