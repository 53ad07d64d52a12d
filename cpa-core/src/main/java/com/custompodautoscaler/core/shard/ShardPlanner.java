package com.custompodautoscaler.core.shard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Divides shards among the live replicas so that their counts differ by at most one, moving as few
 * shards as that takes. A replica takes free shards up to its fair share at once; one that still
 * has fewer than its share asks a replica with at least two more for one of its shards, and that
 * replica hands it over, unless shards are free (the asker takes those first). A request not
 * honoured is declined, cleared at the holder's next renewal, and asked again if still wanted.
 * Shards never move without a request, so a replica that is live but takes nothing cannot make the
 * others give shards up again and again.
 */
public final class ShardPlanner {

  private ShardPlanner() {}

  /**
   * The plan of replica {@code self} at {@code now}, from the membership leases of the replicas
   * ({@code members}, by identity; self counts as live whatever its own lease says) and the leases
   * of shards {@code 0..shardCount-1} ({@code shards}; a shard without a lease is free).
   */
  public static ShardPlan plan(
      String self,
      int shardCount,
      Map<String, LeaseView> members,
      Map<Integer, ShardView> shards,
      Instant now) {
    Set<String> live = new TreeSet<>();
    members.forEach(
        (member, lease) -> {
          if (!lease.freeAt(now)) {
            live.add(member);
          }
        });
    live.add(self);
    int ceiling = (shardCount + live.size() - 1) / live.size();

    Map<String, List<Integer>> held = new HashMap<>();
    live.forEach(member -> held.put(member, new ArrayList<>()));
    List<Integer> free = new ArrayList<>();
    for (int shard = 0; shard < shardCount; shard++) {
      ShardView view = shards.get(shard);
      if (view == null || view.lease().freeAt(now)) {
        free.add(shard);
      } else if (held.containsKey(view.lease().holder())) {
        held.get(view.lease().holder()).add(shard);
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    held.forEach((member, list) -> counts.put(member, list.size()));

    Set<Integer> keep = new HashSet<>(held.get(self));
    Set<Integer> acquire = new HashSet<>();
    free.sort(byPreferenceOf(self));
    for (int shard : free) {
      if (counts.get(self) >= ceiling) {
        break;
      }
      acquire.add(shard);
      counts.merge(self, 1, Integer::sum);
    }

    Map<Integer, String> handOver = new LinkedHashMap<>();
    List<Integer> mine = new ArrayList<>(held.get(self));
    mine.sort(byPreferenceOf(self).reversed());
    for (int shard : mine) {
      String asker = shards.get(shard).requestedBy();
      if (free.isEmpty()
          && live.contains(asker)
          && !asker.equals(self)
          && counts.get(self) - counts.get(asker) >= 2) {
        handOver.put(shard, asker);
        keep.remove(shard);
        counts.merge(self, -1, Integer::sum);
        counts.merge(asker, 1, Integer::sum);
      }
    }

    Set<Integer> request = new HashSet<>();
    if (acquire.size() < free.size()) {
      // Shards are still free after taking a share: nothing to ask anyone for.
      return new ShardPlan(keep, acquire, handOver, request);
    }
    // What any replica has asked another for counts as on its way, so that two replicas asking at
    // once do not ask for the same shortfall.
    shards.forEach(
        (shard, view) -> {
          String holder = view.lease().holder();
          String asker = view.requestedBy();
          if (!view.lease().freeAt(now)
              && !holder.equals(self)
              && !asker.equals(holder)
              && live.contains(holder)
              && live.contains(asker)) {
            counts.merge(holder, -1, Integer::sum);
            counts.merge(asker, 1, Integer::sum);
          }
        });
    while (true) {
      String donor =
          live.stream()
              .filter(member -> !member.equals(self))
              .max(Comparator.comparing(counts::get))
              .orElse(null);
      if (donor == null || counts.get(donor) - counts.get(self) < 2) {
        break;
      }
      Integer shard =
          held.get(donor).stream()
              .filter(s -> !request.contains(s))
              .filter(s -> !live.contains(shards.get(s).requestedBy()))
              .min(byPreferenceOf(self).reversed())
              .orElse(null);
      if (shard == null) {
        break;
      }
      request.add(shard);
      counts.merge(donor, -1, Integer::sum);
      counts.merge(self, 1, Integer::sum);
    }
    return new ShardPlan(keep, acquire, handOver, request);
  }

  /** {@code member}'s most preferred shards first. */
  private static Comparator<Integer> byPreferenceOf(String member) {
    return Comparator.comparingLong((Integer shard) -> ShardKey.preference(member, shard))
        .reversed();
  }
}
