package com.custompodautoscaler.pipeline.run;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.core.schedule.BackOff;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunSchedulerTest {

  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService runs = Executors.newCachedThreadPool();

  @AfterEach
  void shutDown() {
    ticks.shutdownNow();
    runs.shutdownNow();
  }

  @Test
  void startsScheduledRunsUntilStoppedThenStartsNoMore() throws Exception {
    List<RunReport> reports = new CopyOnWriteArrayList<>();
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    try (Autoscaler autoscaler =
        autoscaler(cluster, "runMode: per-resource\n", logic, reports::add)) {
      RunScheduler scheduler =
          every(autoscaler, Duration.ofMillis(20), RunScheduler.Options.plain());

      scheduler.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() >= 3);
      scheduler.stopScheduling();

      assertThat(scheduler.awaitStopped(Duration.ofSeconds(5))).isTrue();
      int runsWhenStopped = reports.size();
      Thread.sleep(100);
      assertThat(reports).hasSize(runsWhenStopped);
      assertThat(reports).allSatisfy(report -> assertThat(report.type()).isEqualTo(RunType.SCALER));
    }
  }

  @Test
  void stoppingDuringTheStartDelayEndsAtOnce() throws Exception {
    FakeCluster cluster = new FakeCluster("web", 2);
    try (Autoscaler autoscaler = autoscaler(cluster, "", new ScriptedUserLogic(), report -> {})) {
      RunScheduler scheduler =
          new RunScheduler(
              autoscaler,
              Duration.ofHours(1),
              Duration.ofHours(1),
              Clock.systemUTC(),
              ticks,
              runs,
              RunScheduler.Options.plain());

      scheduler.start();
      scheduler.stopScheduling();

      assertThat(scheduler.awaitStopped(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void resumingRunsWhenTheRunAfterTheLastOneIsDueAtOnceWhenOverdue() throws Exception {
    List<RunReport> overdue = new CopyOnWriteArrayList<>();
    List<RunReport> notYet = new CopyOnWriteArrayList<>();
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    Duration interval = Duration.ofSeconds(30);
    try (Autoscaler late = autoscaler(cluster, "runMode: per-resource\n", logic, overdue::add);
        Autoscaler early = autoscaler(cluster, "runMode: per-resource\n", logic, notYet::add)) {
      RunScheduler lateScheduler = every(late, interval, RunScheduler.Options.plain());
      RunScheduler earlyScheduler = every(early, interval, RunScheduler.Options.plain());

      lateScheduler.resume(Instant.now().minus(interval.multipliedBy(3)));
      earlyScheduler.resume(Instant.now().minusSeconds(5));

      await().atMost(Duration.ofSeconds(5)).until(() -> overdue.size() == 1);
      Thread.sleep(500);
      assertThat(overdue).as("one run for the ticks missed, not three").hasSize(1);
      assertThat(notYet).as("due 25 s from now").isEmpty();
      lateScheduler.stopScheduling();
      earlyScheduler.stopScheduling();
    }
  }

  /**
   * Runs that keep failing, backing off: after the third failure in a row the wait doubles with
   * each failure; the first success ends it and runs follow every tick again.
   */
  @Test
  void failingRunsBackOffAndASuccessEndsIt() throws Exception {
    AtomicBoolean fails = new AtomicBoolean(true);
    List<RunReport> reports = new CopyOnWriteArrayList<>();
    FakeCluster cluster = new FakeCluster("web", 2);
    ScriptedUserLogic logic =
        new ScriptedUserLogic()
            .answering(
                Stage.METRIC,
                document -> {
                  if (fails.get()) {
                    throw new UserLogicException("the metric is not there");
                  }
                  return "m";
                })
            .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
    try (Autoscaler autoscaler =
        autoscaler(cluster, "runMode: per-resource\n", logic, reports::add)) {
      RunScheduler scheduler =
          every(
              autoscaler,
              Duration.ofMillis(20),
              new RunScheduler.Options(late -> {}, BackOff.DOUBLING));

      scheduler.start();
      Thread.sleep(1_500);
      int failed = reports.size();
      // 75 ticks in 1.5 s; backing off, runs come on ticks 1, 2, 3, 5, 9, 17, 33, 53, 73.
      assertThat(failed).isBetween(6, 11);
      assertThat(reports).noneMatch(RunReport::succeeded);

      fails.set(false);
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> reports.get(reports.size() - 1).succeeded());
      int firstSuccess = reports.size();
      Thread.sleep(400);
      assertThat(reports.size() - firstSuccess).as("runs on every tick again").isGreaterThan(10);
      scheduler.stopScheduling();
      assertThat(scheduler.awaitStopped(Duration.ofSeconds(5))).isTrue();
    }
  }

  /** Forty autoscalers on one tick thread: one whose logic hangs delays none of the others. */
  @Test
  void aHangingRunDelaysNoOtherAutoscalerSharingTheThreads() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Map<Integer, List<RunReport>> reports = new ConcurrentHashMap<>();
    List<Autoscaler> autoscalers = new ArrayList<>();
    List<RunScheduler> schedulers = new ArrayList<>();
    List<Duration> lateness = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 40; i++) {
      int index = i;
      FakeCluster cluster = new FakeCluster("web-" + i, 2);
      ScriptedUserLogic logic =
          new ScriptedUserLogic()
              .answering(
                  Stage.METRIC,
                  document -> {
                    if (index == 0) {
                      await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                    }
                    return "m";
                  })
              .answering(Stage.EVALUATE, "{\"targetReplicas\":2}");
      Autoscaler autoscaler =
          autoscaler(
              cluster,
              "runMode: per-resource\n",
              logic,
              report ->
                  reports.computeIfAbsent(index, k -> new CopyOnWriteArrayList<>()).add(report));
      autoscalers.add(autoscaler);
      RunScheduler scheduler =
          every(
              autoscaler,
              Duration.ofMillis(50),
              new RunScheduler.Options(lateness::add, BackOff.NONE));
      schedulers.add(scheduler);
      scheduler.start();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              for (int i = 1; i < 40; i++) {
                if (reports.getOrDefault(i, List.of()).size() < 10) {
                  return false;
                }
              }
              return true;
            });
    assertThat(reports.getOrDefault(0, List.of()))
        .as("the hanging one is still in its run")
        .isEmpty();
    assertThat(lateness)
        .as("every run started, each told how late")
        .hasSizeGreaterThanOrEqualTo(39 * 10)
        .allSatisfy(late -> assertThat(late).isLessThan(Duration.ofSeconds(1)));

    release.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !reports.getOrDefault(0, List.of()).isEmpty());
    schedulers.forEach(RunScheduler::stopScheduling);
    for (RunScheduler scheduler : schedulers) {
      assertThat(scheduler.awaitStopped(Duration.ofSeconds(5))).isTrue();
    }
    autoscalers.forEach(Autoscaler::close);
  }

  /**
   * An autoscaler of {@code cluster}'s target with {@code config}, its runs told to {@code
   * observer}.
   */
  private static Autoscaler autoscaler(
      FakeCluster cluster, String config, ScriptedUserLogic logic, RunObserver observer) {
    return new Autoscaler(
        config(config), cluster, cluster, cluster, logic, Clock.systemUTC(), observer);
  }

  /** A scheduler of {@code autoscaler} on the test's threads, every {@code interval}. */
  private RunScheduler every(
      Autoscaler autoscaler, Duration interval, RunScheduler.Options options) {
    return new RunScheduler(
        autoscaler, Duration.ofMillis(1), interval, Clock.systemUTC(), ticks, runs, options);
  }
}
