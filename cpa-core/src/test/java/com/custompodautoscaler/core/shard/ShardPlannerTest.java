package com.custompodautoscaler.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardPlannerTest {

  private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @Test
  void aLoneReplicaTakesEveryShard() {
    ShardWorld world = new ShardWorld(32);
    world.start("a");
    world.runFor(10);

    assertThat(world.counts()).containsExactly(Map.entry("a", 32));
  }

  @Test
  void aSecondAndAThirdReplicaTakeTheirShareAndOnlyThatMoves() {
    ShardWorld world = new ShardWorld(32);
    world.start("a");
    world.runFor(10);

    world.start("b");
    world.runFor(30);
    assertThat(world.counts()).containsExactly(Map.entry("a", 16), Map.entry("b", 16));
    assertThat(world.moves).as("shards moved for b").isEqualTo(16);

    world.start("c");
    world.runFor(30);
    assertThat(world.counts().values()).containsExactlyInAnyOrder(11, 11, 10);
    assertThat(world.counts().get("c")).isEqualTo(10);
    assertThat(world.moves - 16).as("shards moved for c").isEqualTo(10);
  }

  @Test
  void theShardsOfAReplicaThatStopsGoToTheOthersOnceItsLeasesExpireAndNothingElseMoves() {
    ShardWorld world = new ShardWorld(32);
    world.start("a");
    world.start("b");
    world.start("c");
    world.runFor(60);
    List<String> before = world.holders();
    int movesBefore = world.moves;

    world.kill("c");
    world.round(Duration.ofSeconds(9)); // c renewed 5 s before: 14 s of its 15 gone
    assertThat(world.holders()).as("c's leases still run").isEqualTo(before);
    world.runFor(30);

    List<String> after = world.holders();
    for (int shard = 0; shard < 32; shard++) {
      if (!before.get(shard).equals("c")) {
        assertThat(after.get(shard)).as("shard %d", shard).isEqualTo(before.get(shard));
      }
    }
    assertThat(world.counts()).containsOnlyKeys("a", "b");
    assertThat(world.counts().values()).containsExactlyInAnyOrder(16, 16);
    assertThat(world.moves - movesBefore).isEqualTo(before.stream().filter("c"::equals).count());
  }

  @Test
  void aReplicaThatIsLiveButTakesNothingMakesNoShardMove() {
    ShardWorld world = new ShardWorld(32);
    world.start("a");
    world.start("b");
    world.runFor(30);
    int movesBefore = world.moves;

    world.startIdle("stuck");
    world.runFor(300);

    assertThat(world.moves).isEqualTo(movesBefore);
    assertThat(world.counts()).containsExactly(Map.entry("a", 16), Map.entry("b", 16));
  }

  @Test
  void manyReplicasComingAndGoingEndBalancedWithEveryShardHeld() {
    ShardWorld world = new ShardWorld(64);
    for (String replica : List.of("r1", "r2", "r3", "r4", "r5")) {
      world.start(replica);
      world.runFor(5);
    }
    world.kill("r2");
    world.runFor(5);
    world.start("r6");
    world.kill("r4");
    world.runFor(60);

    assertThat(world.holders()).doesNotContain("");
    assertThat(world.counts()).containsOnlyKeys("r1", "r3", "r5", "r6");
    assertThat(world.counts().values()).allSatisfy(count -> assertThat(count).isBetween(16, 16));
  }

  @Test
  void afterAnyJoinsAndStopsTheReplicasSettleBalancedAndStayStill() {
    for (long seed = 1; seed <= 25; seed++) {
      Random random = new Random(seed);
      ShardWorld world = new ShardWorld(1 + random.nextInt(64));
      List<String> running = new ArrayList<>();
      for (int event = 0; event < 12; event++) {
        if (running.isEmpty() || running.size() < 6 && random.nextBoolean()) {
          String replica = "r" + event;
          world.start(replica);
          running.add(replica);
        } else {
          world.kill(running.remove(random.nextInt(running.size())));
        }
        world.runFor(5 * random.nextInt(5));
      }
      if (running.isEmpty()) {
        world.start("last");
        running.add("last");
      }
      world.runFor(60);
      int settled = world.moves;
      world.runFor(120);

      String scenario = "seed " + seed + ", " + world.shardCount + " shards, " + running;
      assertThat(world.holders()).as(scenario).doesNotContain("");
      assertThat(world.counts().keySet()).as(scenario).isSubsetOf(running);
      int most = world.counts().values().stream().max(Integer::compare).orElseThrow();
      int least =
          running.size() > world.shardCount
              ? 0
              : world.counts().values().stream().min(Integer::compare).orElseThrow();
      assertThat(most - least).as(scenario).isLessThanOrEqualTo(1);
      assertThat(world.moves).as(scenario + ": still after settling").isEqualTo(settled);
    }
  }

  @Test
  void aHolderHandsOverOnlyWhatBringsTheCountsCloser() {
    Map<String, LeaseView> members = Map.of("a", live("a"), "b", live("b"));
    Map<Integer, ShardView> shards = new HashMap<>();
    for (int shard = 0; shard < 4; shard++) {
      shards.put(shard, new ShardView(live("a"), "b"));
    }
    shards.put(4, new ShardView(live("b"), ""));
    shards.put(5, new ShardView(live("b"), ""));

    ShardPlan plan = ShardPlanner.plan("a", 6, members, shards, NOW);

    assertThat(plan.handOver()).hasSize(1).containsValue("b");
    assertThat(plan.keep()).hasSize(3);
    assertThat(plan.acquire()).isEmpty();
  }

  @Test
  void aRequestFromAReplicaThatIsNoLongerLiveIsIgnored() {
    Map<String, LeaseView> members =
        Map.of(
            "a", live("a"), "gone", new LeaseView("gone", ShardWorld.LEASE, NOW.minusSeconds(60)));
    Map<Integer, ShardView> shards =
        Map.of(0, new ShardView(live("a"), "gone"), 1, new ShardView(live("a"), ""));

    ShardPlan plan = ShardPlanner.plan("a", 2, members, shards, NOW);

    assertThat(plan.handOver()).isEmpty();
    assertThat(plan.keep()).isEqualTo(Set.of(0, 1));
  }

  @Test
  void aReplicaAsksOnlyForWhatItLacksCountingTheRequestsItHasMade() {
    Map<String, LeaseView> members = Map.of("a", live("a"), "b", live("b"));
    Map<Integer, ShardView> shards = new HashMap<>();
    for (int shard = 0; shard < 4; shard++) {
      shards.put(shard, new ShardView(live("a"), shard == 0 ? "b" : ""));
    }

    ShardPlan plan = ShardPlanner.plan("b", 4, members, shards, NOW);

    assertThat(plan.request()).as("one asked already; one more makes two of four").hasSize(1);
    assertThat(plan.request()).doesNotContain(0);
  }

  private static LeaseView live(String holder) {
    return new LeaseView(holder, ShardWorld.LEASE, NOW.minusSeconds(1));
  }
}
