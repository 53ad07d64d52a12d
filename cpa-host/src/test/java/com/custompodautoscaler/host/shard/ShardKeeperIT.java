package com.custompodautoscaler.host.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas of a host dividing 32 shards through real Leases on a real API server, with short
 * timings: leases of 4 s, renewed every second. Each replica here is a keeper driven by its own
 * thread, as in a host process; one that "freezes" stops its rounds while its clock runs on, as a
 * process does across SIGSTOP and SIGCONT.
 */
class ShardKeeperIT {

  private static final int SHARDS = 32;
  private static final Duration LEASE = Duration.ofSeconds(4);
  private static final Duration MARGIN = Duration.ofMillis(500);

  private final KubernetesClient admin = SharedKubeApiServer.adminClient();
  private final ScheduledExecutorService rounds = Executors.newScheduledThreadPool(4);
  private final ExecutorService writes = Executors.newFixedThreadPool(8);
  private final List<Replica> replicas = new ArrayList<>();
  private String namespace;

  /** Moves of a shard from one replica to another, counted as the listeners hear them. */
  private final AtomicInteger gains = new AtomicInteger();

  @BeforeEach
  void namespace() {
    namespace = SharedKubeApiServer.freshNamespace(admin, "shards");
  }

  @AfterEach
  void stop() {
    rounds.shutdownNow();
    writes.shutdownNow();
    admin.close();
  }

  @Test
  void threeReplicasDivideTheShardsAndANewcomerTakesOnlyItsShare() {
    Replica a = start("a");
    await().atMost(Duration.ofSeconds(20)).until(() -> a.keeper.held().size() == SHARDS);
    Replica b = start("b");
    awaitBalanced(a, b);
    Replica c = start("c");
    int before = gains.get();
    awaitBalanced(a, b, c);

    assertThat(c.keeper.held()).hasSize(10);
    assertThat(gains.get() - before).as("shards that moved for c").isEqualTo(10);
    assertThat(leaseHolders().values()).containsOnly("a", "b", "c");
  }

  @Test
  void aFrozenReplicaStopsActingBeforeAnotherTakesItsShardsAndNeverActsOnThemAgain()
      throws InterruptedException {
    Replica a = start("a");
    Replica b = start("b");
    awaitBalanced(a, b);
    Set<Integer> frozenHeld = a.keeper.held();

    a.freeze();
    Instant frozen = Instant.now();
    List<String> overlaps = new ArrayList<>();
    while (b.keeper.held().size() < SHARDS) {
      overlaps.addAll(overlaps(a, b));
      assertThat(Duration.between(frozen, Instant.now()))
          .as("b takes a's shards within the lease and a round or two")
          .isLessThan(LEASE.plusSeconds(3));
    }
    assertThat(frozenHeld)
        .as("a, frozen, still counts its shards as held: its CPAs are not stopped, only fenced")
        .allMatch(a.keeper::holds)
        .noneMatch(a.keeper::mayAct);
    a.thaw();
    Instant thawed = Instant.now();
    while (Duration.between(thawed, Instant.now()).toSeconds() < 3) {
      overlaps.addAll(overlaps(a, b));
    }

    assertThat(frozenHeld).isNotEmpty();
    assertThat(overlaps).as("moments two replicas might act on one shard").isEmpty();
    await()
        .atMost(LEASE)
        .untilAsserted(
            () ->
                assertThat(frozenHeld)
                    .as("thawed, a's first round drops what b took")
                    .noneMatch(shard -> a.keeper.holds(shard) && b.keeper.holds(shard)));
    awaitBalanced(a, b);
  }

  @Test
  void aReplicaThatLeavesHandsItsShardsOnAtOnce() {
    Replica a = start("a");
    Replica b = start("b");
    awaitBalanced(a, b);

    a.leave();
    Instant left = Instant.now();
    await().atMost(Duration.ofSeconds(10)).until(() -> b.keeper.held().size() == SHARDS);

    assertThat(Duration.between(left, Instant.now()))
        .as("taken before a's leases would have lapsed")
        .isLessThan(LEASE);
  }

  private List<String> overlaps(Replica first, Replica second) throws InterruptedException {
    Thread.sleep(10);
    List<String> found = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      if (first.keeper.mayAct(shard) && second.keeper.mayAct(shard)) {
        found.add("shard " + shard + " at " + Instant.now());
      }
    }
    return found;
  }

  private void awaitBalanced(Replica... members) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Set<Integer> all = new HashSet<>();
              int most = 0;
              int least = SHARDS;
              for (Replica replica : members) {
                Set<Integer> held = replica.keeper.held();
                all.addAll(held);
                most = Math.max(most, held.size());
                least = Math.min(least, held.size());
              }
              int total = 0;
              for (Replica replica : members) {
                total += replica.keeper.held().size();
              }
              return all.size() == SHARDS && total == SHARDS && most - least <= 1;
            });
  }

  private Map<Integer, String> leaseHolders() {
    Map<Integer, String> holders = new HashMap<>();
    admin
        .leases()
        .inNamespace(namespace)
        .withLabel(ShardLeases.ROLE_LABEL + " notin (member)")
        .list()
        .getItems()
        .forEach(
            lease ->
                holders.put(
                    Integer.parseInt(lease.getMetadata().getName().replaceAll(".*-", "")),
                    lease.getSpec().getHolderIdentity()));
    return holders;
  }

  private Replica start(String name) {
    Replica replica = new Replica(name);
    replicas.add(replica);
    replica.thaw();
    return replica;
  }

  /** A replica: a keeper with a client of its own, whose rounds run every second until frozen. */
  private final class Replica implements ShardListener {

    final ShardKeeper keeper;
    private final KubernetesClient client = SharedKubeApiServer.adminClient();
    private ScheduledFuture<?> schedule;

    Replica(String name) {
      ShardLeases leases =
          new ShardLeases(
              client,
              namespace,
              "test-host",
              name,
              LEASE,
              ShardKeeperIT::monotonic,
              Optional.empty());
      keeper =
          new ShardKeeper(
              leases, this, name, SHARDS, LEASE, MARGIN, ShardKeeperIT::monotonic, writes);
    }

    void freeze() {
      schedule.cancel(false);
    }

    void thaw() {
      schedule = rounds.scheduleWithFixedDelay(keeper::round, 0, 1, TimeUnit.SECONDS);
    }

    void leave() {
      freeze();
      keeper.leave();
    }

    @Override
    public void acquired(int shard) {
      gains.incrementAndGet();
    }

    @Override
    public void lost(int shard) {}
  }

  private static Instant monotonic() {
    return Instant.EPOCH.plusNanos(System.nanoTime());
  }
}
