package com.custompodautoscaler.pipeline.run;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.model.RunType;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.core.port.TargetReader;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.run.ScaleStage.ScaleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One autoscaler: runs read the target and its scale, gather metrics, evaluate and scale, as far as
 * the goal asks. Runs never overlap: scheduled runs and REST calls take turns, in the order they
 * arrive. The decision state is loaded from its store once, at start, and saved there after every
 * run that decided; then the observer receives the run's report.
 */
public final class Autoscaler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Autoscaler.class);

  private final ReentrantLock turn = new ReentrantLock(true);
  private final TargetRef target;
  private final String namespace;
  private final ScaleClient scales;
  private final TargetReader targets;
  private final PodMetricCalls podCalls;
  private final KubernetesMetricsStep kubernetesMetrics;
  private final MetricStage metricStage;
  private final EvaluateStage evaluateStage;
  private final ScaleStage scaleStage;
  private final RunObserver observer;
  private final Clock clock;
  private final DecisionStateStore decisionStates;
  private DecisionState state;

  /** An autoscaler that keeps its decision state in memory only, as one without a CPA does. */
  public Autoscaler(
      AutoscalerConfig config,
      ScaleClient scales,
      TargetReader targets,
      KubernetesMetricsSource kubernetesMetrics,
      UserLogic userLogic,
      Clock clock,
      RunObserver observer) {
    this(
        config,
        new Ports(scales, targets, kubernetesMetrics, userLogic, new InMemoryDecisionStateStore()),
        clock,
        observer);
  }

  /**
   * An autoscaler on {@code ports}: it starts from the decision state their store kept, and saves
   * the state there after every run that decided, before {@code observer} learns of the run.
   */
  public Autoscaler(AutoscalerConfig config, Ports ports, Clock clock, RunObserver observer) {
    this.target = config.scaleTargetRef();
    this.namespace = config.namespace();
    this.scales = ports.scales();
    this.targets = ports.targets();
    this.podCalls = new PodMetricCalls(config.perPodConcurrency());
    this.kubernetesMetrics =
        new KubernetesMetricsStep(
            ports.kubernetesMetrics(),
            config.kubernetesMetrics().specs().size(),
            config.kubernetesMetrics().required());
    this.metricStage =
        new MetricStage(config.runMode(), namespace, targets, ports.userLogic(), podCalls);
    this.evaluateStage = new EvaluateStage(ports.userLogic());
    this.scaleStage =
        new ScaleStage(
            new ScaleSettings(target, namespace, config.bounds(), config.rules()),
            scales,
            ports.userLogic());
    this.observer = observer;
    this.clock = clock;
    this.decisionStates = ports.decisionStates();
    this.state = decisionStates.load();
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

  /** Runs the stages, then keeps the decision state and tells the observer, in that order. */
  private RunReport execute(RunType type, RunGoal goal, Instant decisionTime) {
    RunReport.Builder run = RunReport.builder(type, goal);
    long started = System.nanoTime();
    RunReport report;
    try {
      proceed(run, goal, decisionTime);
    } catch (RunException e) {
      run.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.failed(new RunException(RunStep.INTERRUPTED, "the autoscaler is shutting down", e));
    } catch (RuntimeException e) {
      run.failed(new RunException(RunStep.UNEXPECTED, e.toString(), e));
    } finally {
      report = run.build(Duration.ofNanos(System.nanoTime() - started));
      report.scaleOutcome().ifPresent(outcome -> keep(outcome.kept()));
      observer.finished(report);
    }
    return report;
  }

  private void keep(DecisionState kept) {
    state = kept;
    decisionStates.save(kept);
  }

  private void proceed(RunReport.Builder run, RunGoal goal, Instant decisionTime)
      throws InterruptedException {
    RunType type = run.type();
    TargetSnapshot snapshot = timed(run, "target", this::readTarget);
    run.readReplicas(snapshot.currentReplicas());
    log.debug(
        "read {}: replicas {}, pod selector '{}'",
        target.describe(),
        snapshot.currentReplicas(),
        snapshot.scale().selector());
    GatheredMetrics gathered =
        step(run, "metrics", RunStep.METRICS, () -> gatherMetrics(run, snapshot));
    run.gathered(gathered);
    log.debug("gathered metrics: {}", gathered.wireList());
    if (goal == RunGoal.METRICS) {
      return;
    }
    Evaluated evaluated =
        step(
            run,
            "evaluate",
            RunStep.EVALUATION,
            () -> evaluateStage.evaluate(snapshot, gathered, type, state.logicState()));
    run.evaluated(evaluated.targetReplicas());
    if (goal == RunGoal.SCALE) {
      // The evaluate method's new state is kept with the decision's, by the run that scales.
      DecisionState before = evaluated.keptOver(state);
      run.scaled(
          step(
              run,
              "scale",
              RunStep.SCALING,
              () -> scale(run, snapshot, evaluated.targetReplicas(), before, decisionTime)));
    }
  }

  /**
   * The Kubernetes metrics, then the metric stage with them; the run keeps what failed to gather
   * even when that, or the metric stage, fails the run.
   */
  private GatheredMetrics gatherMetrics(RunReport.Builder run, TargetSnapshot snapshot)
      throws InterruptedException {
    KubernetesMetricsSource.Gathered kubernetes = kubernetesMetrics.gather(snapshot.scale());
    run.gatheredKubernetesMetrics(kubernetes.failures());
    kubernetesMetrics.goOnWith(kubernetes);
    return metricStage.gather(snapshot, run.type(), kubernetes);
  }

  /**
   * Scales; a failure after the decision still leaves the decision, as far as it got, in the run.
   */
  private ScaleOutcome scale(
      RunReport.Builder run,
      TargetSnapshot snapshot,
      int evaluated,
      DecisionState before,
      Instant decisionTime) {
    try {
      return scaleStage.scale(snapshot, evaluated, run.type(), before, decisionTime);
    } catch (ScaleFailure e) {
      run.scaled(e.reached());
      throw e.failure();
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
  private static <T> T step(RunReport.Builder run, String stage, RunStep runStep, StageCall<T> call)
      throws InterruptedException {
    return timed(
        run,
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

  private static <T> T timed(RunReport.Builder run, String stage, StageCall<T> call)
      throws InterruptedException {
    long started = System.nanoTime();
    try {
      return call.call();
    } finally {
      run.timed(stage, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  @Override
  public void close() {
    podCalls.close();
  }

  /** Everything outside the process that an autoscaler's runs reach through. */
  public record Ports(
      ScaleClient scales,
      TargetReader targets,
      KubernetesMetricsSource kubernetesMetrics,
      UserLogic userLogic,
      DecisionStateStore decisionStates) {

    public Ports {
      Objects.requireNonNull(scales, "scales");
      Objects.requireNonNull(targets, "targets");
      Objects.requireNonNull(kubernetesMetrics, "kubernetesMetrics");
      Objects.requireNonNull(userLogic, "userLogic");
      Objects.requireNonNull(decisionStates, "decisionStates");
    }
  }

  /** A stage's work, which may be interrupted when the autoscaler shuts down. */
  @FunctionalInterface
  private interface StageCall<T> {
    T call() throws InterruptedException;
  }
}
