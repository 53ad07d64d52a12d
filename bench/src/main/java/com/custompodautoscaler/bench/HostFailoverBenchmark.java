package com.custompodautoscaler.bench;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.StabilizationEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Three host replicas share {@code cpa.bench.failoverCpas} (150: about half of what the API server
 * serves on this machine, host-scale) hosted CPAs of the HPA logic, 15 s apart, with the default 15
 * s leases; once every CPA has run and one more interval has passed, one replica is killed with
 * SIGKILL (no hand-over). For each CPA it held: how long from the kill until another replica's
 * first run of it (from the CPA's status: {@code lastRun.time} and {@code hostReplica}), against
 * the goal of the lease duration plus one interval, and whether its stabilization window still
 * holds every entry it held before the kill.
 */
final class HostFailoverBenchmark implements Bench {

  private static final int CPAS = Integer.getInteger("cpa.bench.failoverCpas", 150);
  private static final List<String> REPLICAS = List.of("host-0", "host-1", "host-2");
  private static final String KILLED = "host-1";
  private static final Duration INTERVAL = Duration.ofSeconds(15);
  private static final Duration GOAL = Duration.ofSeconds(15).plus(INTERVAL);
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  @Override
  public String name() {
    return "host-failover";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    Path jar = BenchContext.builtJar("cpa-host/target/cpa-host.jar");
    KubernetesClient client = context.plane().client();
    HostedCpaFixture.prepare(client);
    HostedCpaFixture.createAll(client, 0, CPAS, HostedCpaFixture.Logic.JAVA);
    Map<String, JvmProcess> hosts = new HashMap<>();
    try {
      for (String replica : REPLICAS) {
        hosts.put(replica, HostedCpaFixture.launchHost(context, jar, replica, Map.of()));
      }
      awaitEveryWindow(client, hosts);
      Thread.sleep(INTERVAL.toMillis());
      Map<String, CustomPodAutoscaler> before = hostedCpas(client);
      Map<String, Long> share =
          before.values().stream()
              .collect(
                  Collectors.groupingBy(
                      cpa -> cpa.getStatus().getHostReplica(), Collectors.counting()));
      out.printf("%d hosted CPAs, 3 replicas; CPAs per replica before the kill: %s%n", CPAS, share);

      Map<String, CustomPodAutoscaler> held = new HashMap<>(before);
      held.values().removeIf(cpa -> !KILLED.equals(cpa.getStatus().getHostReplica()));
      Instant killed = Instant.now();
      hosts.remove(KILLED).kill();
      Map<String, CustomPodAutoscaler> after = awaitTakeOver(client, held.keySet(), killed);

      List<Duration> takeOvers = new ArrayList<>();
      int windowsKept = 0;
      for (Map.Entry<String, CustomPodAutoscaler> moved : after.entrySet()) {
        Instant ranAgain = Instant.parse(moved.getValue().getStatus().getLastRun().getTime());
        takeOvers.add(Duration.between(killed, ranAgain));
        if (keepsWindow(held.get(moved.getKey()), moved.getValue())) {
          windowsKept++;
        }
      }
      takeOvers.sort(null);
      out.printf(
          "%s killed (SIGKILL) holding %d CPAs: %d ran again on another replica; from the kill to"
              + " that run: median %.1f s, max %.1f s (goal: lease 15 s + interval 15 s = %d s)%n",
          KILLED,
          held.size(),
          after.size(),
          takeOvers.isEmpty() ? Double.NaN : takeOvers.get(takeOvers.size() / 2).toMillis() / 1e3,
          takeOvers.isEmpty() ? Double.NaN : takeOvers.get(takeOvers.size() - 1).toMillis() / 1e3,
          GOAL.toSeconds());
      out.printf(
          "stabilization window kept whole (every entry from before the kill still there): %d of"
              + " %d%n",
          windowsKept, after.size());
    } finally {
      for (JvmProcess host : hosts.values()) {
        host.stop();
      }
    }
  }

  /** Waits until every CPA has run, so that its window holds an entry. */
  private static void awaitEveryWindow(KubernetesClient client, Map<String, JvmProcess> hosts)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      for (JvmProcess host : hosts.values()) {
        host.failIfExited();
      }
      Map<String, CustomPodAutoscaler> all = hostedCpas(client);
      long ready =
          all.values().stream()
              .filter(cpa -> cpa.getStatus() != null && cpa.getStatus().getHostReplica() != null)
              .filter(cpa -> !window(cpa).isEmpty())
              .count();
      if (ready == CPAS) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(ready + " of " + CPAS + " CPAs ran in " + PATIENCE);
      }
      Thread.sleep(2000);
    }
  }

  /**
   * Waits until each CPA of {@code moved} has run on another replica after {@code killed}, at most
   * {@link #PATIENCE}; returns those that did, as they were then.
   */
  private static Map<String, CustomPodAutoscaler> awaitTakeOver(
      KubernetesClient client, Set<String> moved, Instant killed) throws Exception {
    Map<String, CustomPodAutoscaler> ranAgain = new HashMap<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (ranAgain.size() < moved.size() && System.nanoTime() < deadline) {
      hostedCpas(client)
          .forEach(
              (key, cpa) -> {
                if (moved.contains(key)
                    && !ranAgain.containsKey(key)
                    && !KILLED.equals(cpa.getStatus().getHostReplica())
                    && Instant.parse(cpa.getStatus().getLastRun().getTime()).isAfter(killed)) {
                  ranAgain.put(key, cpa);
                }
              });
      Thread.sleep(500);
    }
    return ranAgain;
  }

  private static Map<String, CustomPodAutoscaler> hostedCpas(KubernetesClient client) {
    Map<String, CustomPodAutoscaler> all = new HashMap<>();
    for (CustomPodAutoscaler cpa :
        client.resources(CustomPodAutoscaler.class).inAnyNamespace().list().getItems()) {
      all.put(cpa.getMetadata().getNamespace() + "/" + cpa.getMetadata().getName(), cpa);
    }
    return all;
  }

  private static List<String> window(CustomPodAutoscaler cpa) {
    return Optional.ofNullable(cpa.getStatus().getStabilizationWindow()).orElse(List.of()).stream()
        .map(StabilizationEntry::getTime)
        .toList();
  }

  /** Whether {@code after}'s window holds every entry of {@code before}'s. */
  private static boolean keepsWindow(CustomPodAutoscaler before, CustomPodAutoscaler after) {
    return window(after).containsAll(window(before));
  }
}
