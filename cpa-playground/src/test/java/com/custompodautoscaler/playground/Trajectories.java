package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The replica counts two twin Deployments go through, each change with when it came and why: the
 * HPA as a CPA's from its run summaries (the decision's reason), the real HPA's from its
 * conditions.
 */
final class Trajectories {

  /** One rescale, {@code at} after the comparison started. */
  record Change(Duration at, int from, int to, String why) {}

  /** A side's changes, in order. */
  record Trajectory(int initial, List<Change> changes) {

    /** The time from each rescale to the next. */
    List<Duration> gaps() {
      List<Duration> gaps = new ArrayList<>();
      for (int i = 1; i < changes.size(); i++) {
        gaps.add(changes.get(i).at().minus(changes.get(i - 1).at()));
      }
      return gaps;
    }

    /** The counts the target went through, the first one included. */
    List<Integer> counts() {
      List<Integer> counts = new ArrayList<>(List.of(initial));
      changes.forEach(change -> counts.add(change.to()));
      return counts;
    }
  }

  private final int initial;
  private final List<Change> ours = Collections.synchronizedList(new ArrayList<>());
  private final List<Change> theirs = Collections.synchronizedList(new ArrayList<>());
  private final List<String> ourFailures = Collections.synchronizedList(new ArrayList<>());
  private final HpaDecisions hpa;
  private volatile long startNanos = System.nanoTime();

  Trajectories(KubernetesClient client, String theirNamespace, String name, int initial) {
    this.initial = initial;
    this.hpa =
        new HpaDecisions(
            client, theirNamespace, name, (from, to, why) -> theirs.add(change(from, to, why)));
  }

  void start() {
    startNanos = System.nanoTime();
    hpa.start();
  }

  void stop() {
    hpa.close();
  }

  /** Reads one line of the autoscaler's log; a run summary that scaled is a change. */
  void ourLogLine(String line) {
    RunSummary.parse(line)
        .ifPresent(
            summary -> {
              if (!summary.succeeded()) {
                ourFailures.add(summary.error());
              } else if (summary.scaled()) {
                ours.add(
                    change(
                        Integer.parseInt(summary.field("current").orElseThrow()),
                        Integer.parseInt(summary.field("decided").orElseThrow()),
                        "evaluated "
                            + summary.field("evaluated").orElse("?")
                            + ", "
                            + summary.field("reason").orElse("?")));
              }
            });
  }

  private Change change(int from, int to, String why) {
    return new Change(Duration.ofNanos(System.nanoTime() - startNanos), from, to, why);
  }

  /** How long ago the comparison started. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The changes of either side from {@code from} up to {@code until}. */
  List<Change> changesBetween(Duration from, Duration until) {
    List<Change> both = new ArrayList<>(ours);
    both.addAll(theirs);
    return both.stream()
        .filter(change -> change.at().compareTo(from) >= 0 && change.at().compareTo(until) < 0)
        .toList();
  }

  Trajectory ours() {
    return new Trajectory(initial, List.copyOf(ours));
  }

  Trajectory theirs() {
    return new Trajectory(initial, List.copyOf(theirs));
  }

  /** Both trajectories, change by change, with the autoscaler's failed runs if any. */
  String describe() {
    StringBuilder text = new StringBuilder();
    text.append("  HPA as a CPA: ").append(lines(ours())).append('\n');
    text.append("  real HPA:     ").append(lines(theirs())).append('\n');
    if (!ourFailures.isEmpty()) {
      text.append("  failed runs of the HPA as a CPA: ").append(ourFailures).append('\n');
    }
    return text.toString();
  }

  private static String lines(Trajectory trajectory) {
    StringBuilder text = new StringBuilder(String.valueOf(trajectory.initial()));
    for (Change change : trajectory.changes()) {
      text.append(
          String.format(
              " -> %d at %.1f s (%s)", change.to(), change.at().toMillis() / 1000.0, change.why()));
    }
    return text.toString();
  }
}
