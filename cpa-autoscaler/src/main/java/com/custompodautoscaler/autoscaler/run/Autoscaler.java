package com.custompodautoscaler.autoscaler.run;

import com.custompodautoscaler.api.wire.ResourceMetric;
import com.custompodautoscaler.autoscaler.config.AutoscalerConfig;
import com.custompodautoscaler.autoscaler.run.ScaleStage.ScaleSettings;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.core.port.TargetReader;
import com.custompodautoscaler.core.port.UserLogic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One autoscaler: runs read the target and its scale, gather metrics, evaluate and scale, as far as
 * the goal asks. Runs never overlap: scheduled runs and REST calls take turns, in the order they
 * arrive.
 */
public final class Autoscaler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Autoscaler.class);

  private final ReentrantLock turn = new ReentrantLock(true);
  private final TargetRef target;
  private final String namespace;
  private final ScaleClient scales;
  private final TargetReader targets;
  private final PodMetricCalls podCalls;
  private final MetricStage metricStage;
  private final EvaluateStage evaluateStage;
  private final ScaleStage scaleStage;
  private final RunObserver observer;
  private final Clock clock;

  public Autoscaler(
      AutoscalerConfig config,
      ScaleClient scales,
      TargetReader targets,
      KubernetesMetricsSource kubernetesMetrics,
      UserLogic userLogic,
      Clock clock,
      RunObserver observer) {
    this.target = config.scaleTargetRef();
    this.namespace = config.namespace();
    this.scales = scales;
    this.targets = targets;
    this.podCalls = new PodMetricCalls(config.perPodConcurrency());
    this.metricStage =
        new MetricStage(
            config.runMode(),
            namespace,
            targets,
            userLogic,
            podCalls,
            new KubernetesMetricsStep(
                kubernetesMetrics,
                config.kubernetesMetrics().specs().size(),
                config.kubernetesMetrics().required()));
    this.evaluateStage = new EvaluateStage(userLogic);
    this.scaleStage =
        new ScaleStage(
            new ScaleSettings(target, namespace, config.bounds(), config.rules()),
            scales,
            userLogic);
    this.observer = observer;
    this.clock = clock;
  }

  /**
   * Starts from the recommendations and rescales kept elsewhere (the CustomPodAutoscaler's status),
   * before any run.
   */
  public void restoreState(DecisionState state) {
    turn.lock();
    try {
      scaleStage.restore(state);
    } finally {
      turn.unlock();
    }
  }

  /**
   * Runs once, as far as {@code goal}, waiting for any run in progress to finish first; it decides
   * as of the moment it starts.
   */
  public RunReport run(RunType type, RunGoal goal) throws InterruptedException {
    return run(type, goal, clock.instant());
  }

  /**
   * As {@link #run(RunType, RunGoal)}, deciding as of {@code decisionTime}: a scheduled run decides
   * as of its tick, so that runs a whole number of intervals apart are that far apart to the
   * decisions (windows and rate policies), as the HPA controller's syncs are.
   */
  public RunReport run(RunType type, RunGoal goal, Instant decisionTime)
      throws InterruptedException {
    turn.lockInterruptibly();
    try {
      return execute(type, goal, decisionTime);
    } finally {
      turn.unlock();
    }
  }

  private RunReport execute(RunType type, RunGoal goal, Instant decisionTime) {
    RunReport report = new RunReport(type, goal);
    long started = System.nanoTime();
    try {
      proceed(report, goal, decisionTime);
    } catch (RunException e) {
      report.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report.failed(new RunException(RunStep.INTERRUPTED, "the autoscaler is shutting down", e));
    } catch (RuntimeException e) {
      report.failed(new RunException(RunStep.UNEXPECTED, e.toString(), e));
    } finally {
      report.finished(Duration.ofNanos(System.nanoTime() - started));
      observer.finished(report);
    }
    return report;
  }

  private void proceed(RunReport report, RunGoal goal, Instant decisionTime)
      throws InterruptedException {
    RunType type = report.type();
    TargetSnapshot snapshot = timed(report, "target", this::readTarget);
    report.readCurrentReplicas(snapshot.currentReplicas());
    log.debug(
        "read {}: replicas {}, pod selector '{}'",
        target.describe(),
        snapshot.currentReplicas(),
        snapshot.scale().selector());
    MetricStage.Result gathered =
        step(report, "metrics", RunStep.METRICS, () -> metricStage.gather(snapshot, type));
    List<ResourceMetric> metrics = gathered.metrics();
    report.gatheredMetrics(metrics);
    report.kubernetesMetricsFailed(gathered.kubernetesMetricFailures());
    log.debug("gathered metrics: {}", metrics);
    if (goal == RunGoal.METRICS) {
      return;
    }
    int evaluated =
        step(
            report,
            "evaluate",
            RunStep.EVALUATION,
            () -> evaluateStage.evaluate(snapshot, metrics, type));
    report.evaluated(evaluated);
    if (goal == RunGoal.SCALE) {
      step(
          report,
          "scale",
          RunStep.SCALING,
          () -> {
            scaleStage.scale(snapshot, evaluated, decisionTime, report);
            return report;
          });
    }
  }

  private TargetSnapshot readTarget() {
    KubernetesObject resource;
    try {
      resource = targets.readTarget(target, namespace);
    } catch (KubernetesAccessException e) {
      throw new RunException(RunStep.READ_TARGET, e.getMessage(), e);
    }
    ScaleState scale;
    try {
      scale = scales.readScale(target, namespace);
    } catch (KubernetesAccessException e) {
      throw new RunException(RunStep.READ_SCALE, e.getMessage(), e);
    }
    return new TargetSnapshot(resource, scale);
  }

  /** Runs and times one stage; its failure fails the run as a failure of {@code runStep}. */
  private static <T> T step(RunReport report, String stage, RunStep runStep, StageCall<T> call)
      throws InterruptedException {
    return timed(
        report,
        stage,
        () -> {
          try {
            return call.call();
          } catch (StageFailure e) {
            throw new RunException(
                runStep, e.getMessage(), e.getCause() == null ? e : e.getCause());
          }
        });
  }

  private static <T> T timed(RunReport report, String stage, StageCall<T> call)
      throws InterruptedException {
    long started = System.nanoTime();
    try {
      return call.call();
    } finally {
      report.timed(stage, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  @Override
  public void close() {
    podCalls.close();
  }

  /** A stage's work, which may be interrupted when the autoscaler shuts down. */
  @FunctionalInterface
  private interface StageCall<T> {
    T call() throws InterruptedException;
  }
}
