package com.custompodautoscaler.core.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shard and membership leases as an API server would keep them, and replicas that plan and write
 * them in rounds, for checking what the planner does over time. Every replica sees the same clock;
 * a request marks a lease without renewing it, as an annotation would.
 */
final class ShardWorld {

  static final Duration LEASE = Duration.ofSeconds(15);

  private record Record(String holder, Instant renewed, String requestedBy) {}

  final int shardCount;
  Instant now = Instant.parse("2026-12-07T00:00:00Z");
  private final Map<Integer, Record> shards = new TreeMap<>();
  private final Map<String, Instant> members = new HashMap<>();
  private final Set<String> acting = new LinkedHashSet<>();
  private final Set<String> idle = new LinkedHashSet<>();
  int moves;

  ShardWorld(int shardCount) {
    this.shardCount = shardCount;
  }

  /** A replica that renews its membership and plans every round. */
  void start(String replica) {
    acting.add(replica);
  }

  /** A replica that is gone: it renews nothing from now on. */
  void kill(String replica) {
    acting.remove(replica);
  }

  /** A replica that renews its membership but never takes a shard. */
  void startIdle(String replica) {
    idle.add(replica);
  }

  /** Every acting replica plans and writes once; then time moves on by {@code step}. */
  void round(Duration step) {
    for (String replica : new ArrayList<>(acting)) {
      members.put(replica, now);
      ShardPlan plan = ShardPlanner.plan(replica, shardCount, memberViews(), shardViews(), now);
      apply(replica, plan);
    }
    idle.forEach(member -> members.put(member, now));
    now = now.plus(step);
  }

  /** Rounds every 5 s until {@code seconds} have passed. */
  void runFor(int seconds) {
    for (int t = 0; t < seconds; t += 5) {
      round(Duration.ofSeconds(5));
    }
  }

  Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    shards.values().stream()
        .filter(r -> !r.holder().isEmpty() && now.isBefore(r.renewed().plus(LEASE)))
        .forEach(r -> counts.merge(r.holder(), 1, Integer::sum));
    return counts;
  }

  /** Who holds each shard now ({@code ""} for nobody). */
  List<String> holders() {
    List<String> holders = new ArrayList<>();
    for (int shard = 0; shard < shardCount; shard++) {
      Record r = shards.get(shard);
      holders.add(r == null || !now.isBefore(r.renewed().plus(LEASE)) ? "" : r.holder());
    }
    return holders;
  }

  private Map<String, LeaseView> memberViews() {
    Map<String, LeaseView> views = new HashMap<>();
    members.forEach((member, renewed) -> views.put(member, new LeaseView(member, LEASE, renewed)));
    return views;
  }

  private Map<Integer, ShardView> shardViews() {
    Map<Integer, ShardView> views = new HashMap<>();
    shards.forEach(
        (shard, r) ->
            views.put(
                shard,
                new ShardView(new LeaseView(r.holder(), LEASE, r.renewed()), r.requestedBy())));
    return views;
  }

  private void apply(String replica, ShardPlan plan) {
    plan.keep().forEach(shard -> shards.put(shard, new Record(replica, now, "")));
    for (int shard : plan.acquire()) {
      Record before = shards.get(shard);
      if (before != null && !before.holder().isEmpty() && !before.holder().equals(replica)) {
        moves++;
      }
      shards.put(shard, new Record(replica, now, ""));
    }
    plan.handOver()
        .forEach(
            (shard, to) -> {
              moves++;
              shards.put(shard, new Record(to, now, ""));
            });
    plan.request()
        .forEach(
            shard ->
                shards.computeIfPresent(
                    shard, (s, r) -> new Record(r.holder(), r.renewed(), replica)));
  }
}
