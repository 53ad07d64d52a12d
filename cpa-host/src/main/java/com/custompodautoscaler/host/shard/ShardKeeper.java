package com.custompodautoscaler.host.shard;

import com.custompodautoscaler.core.shard.Fence;
import com.custompodautoscaler.core.shard.ShardPlan;
import com.custompodautoscaler.core.shard.ShardPlanner;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's shards: every round it reads the host's leases, plans with {@link
 * ShardPlanner}, writes the plan, and tells its listener which shards it gained and lost. It
 * remembers, per shard, when it sent the last renewal that landed, so that {@link #mayAct} can
 * refuse once the hold is no longer certain, between rounds too.
 */
public final class ShardKeeper {

  private static final Logger log = LoggerFactory.getLogger(ShardKeeper.class);

  private final ShardLeases leases;
  private final ShardListener listener;
  private final String self;
  private final int shardCount;
  private final Duration duration;
  private final Duration margin;
  private final Supplier<Instant> localClock;
  private final Executor writes;
  private final Map<Integer, Instant> renewalSent = new ConcurrentHashMap<>();

  /**
   * @param writes where the renewals and acquisitions of a round are made, side by side: a round
   *     must end well within the lease's duration even when the API server answers slowly
   */
  public ShardKeeper(
      ShardLeases leases,
      ShardListener listener,
      String self,
      int shardCount,
      Duration duration,
      Duration margin,
      Supplier<Instant> localClock,
      Executor writes) {
    this.leases = leases;
    this.listener = listener;
    this.self = self;
    this.shardCount = shardCount;
    this.duration = duration;
    this.margin = margin;
    this.localClock = localClock;
    this.writes = writes;
  }

  /**
   * Whether this replica holds {@code shard}: it took it and has not lost it since, though it may
   * not act on it for a moment while a renewal is slow ({@link #mayAct}).
   */
  public boolean holds(int shard) {
    return renewalSent.containsKey(shard);
  }

  /** Whether this replica may act on the CPAs of {@code shard} now. */
  public boolean mayAct(int shard) {
    Instant sent = renewalSent.get(shard);
    return sent != null && Fence.mayAct(sent, duration, margin, localClock.get());
  }

  /** The shards this replica may act on now. */
  public Set<Integer> held() {
    Set<Integer> held = new HashSet<>();
    renewalSent
        .keySet()
        .forEach(
            shard -> {
              if (mayAct(shard)) {
                held.add(shard);
              }
            });
    return held;
  }

  /**
   * One round: read, plan, write, and tell the listener what changed. A round the API server does
   * not answer changes nothing but what has expired; the next round tries again.
   */
  public synchronized void round() {
    dropExpired();
    try {
      keep();
    } catch (KubernetesClientException e) {
      log.warn("could not keep shards this round: {}", e.getMessage());
    }
  }

  private void keep() {
    ShardLeases.Snapshot snapshot = leases.read();
    leases.renewMembership(snapshot);
    ShardPlan plan =
        ShardPlanner.plan(
            self, shardCount, snapshot.members(), snapshot.shards(), localClock.get());

    plan.handOver()
        .forEach(
            (shard, to) -> {
              lose(shard);
              if (leases.handOver(snapshot.leases().get(shard), to)) {
                log.info("handed shard {} over to {}", shard, to);
              }
            });
    List<CompletableFuture<Void>> held = new ArrayList<>();
    for (int shard : plan.keep()) {
      held.add(
          CompletableFuture.runAsync(
              () -> hold(shard, () -> leases.renew(snapshot.leases().get(shard))), writes));
    }
    for (int shard : plan.acquire()) {
      held.add(
          CompletableFuture.runAsync(
              () -> hold(shard, () -> leases.acquire(shard, snapshot.leases().get(shard))),
              writes));
    }
    CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).join();
    for (int shard : Set.copyOf(renewalSent.keySet())) {
      if (!plan.keep().contains(shard) && !plan.acquire().contains(shard)) {
        lose(shard);
      }
    }
    plan.request().forEach(shard -> leases.request(snapshot.leases().get(shard)));
  }

  /** Stops acting on every shard and gives them up, so that the other replicas take them now. */
  public synchronized void leave() {
    ShardLeases.Snapshot snapshot = leases.read();
    for (int shard : Set.copyOf(renewalSent.keySet())) {
      lose(shard);
      Lease lease = snapshot.leases().get(shard);
      if (lease != null && self.equals(lease.getSpec().getHolderIdentity())) {
        leases.release(lease);
      }
    }
    leases.leave();
  }

  private void hold(int shard, Supplier<Boolean> write) {
    Instant sent = localClock.get();
    boolean landed;
    try {
      landed = write.get();
    } catch (RuntimeException e) {
      log.warn("could not renew shard {}: {}", shard, e.getMessage());
      return;
    }
    if (!landed) {
      lose(shard);
      return;
    }
    boolean gained = !renewalSent.containsKey(shard);
    renewalSent.put(shard, sent);
    if (gained) {
      log.info("holds shard {}", shard);
      listener.acquired(shard);
    }
  }

  private void lose(int shard) {
    if (renewalSent.remove(shard) != null) {
      log.info("no longer holds shard {}", shard);
      listener.lost(shard);
    }
  }

  /** Shards whose hold ran out since the last round, as after a pause or a cut-off API server. */
  private void dropExpired() {
    for (int shard : Set.copyOf(renewalSent.keySet())) {
      if (!mayAct(shard)) {
        lose(shard);
      }
    }
  }
}
