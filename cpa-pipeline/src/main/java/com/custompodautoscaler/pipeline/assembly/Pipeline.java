package com.custompodautoscaler.pipeline.assembly;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.cpa.CpaConnection;
import com.custompodautoscaler.pipeline.cpa.CpaReporter;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesMetricsGatherer;
import com.custompodautoscaler.pipeline.kubernetes.KubernetesTargetClient;
import com.custompodautoscaler.pipeline.method.ConfiguredUserLogic;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.custompodautoscaler.pipeline.observe.RunLog;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.InMemoryDecisionStateStore;
import com.custompodautoscaler.pipeline.run.RunObserver;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One autoscaler's run pipeline built from its configuration, the same wherever it runs: in a
 * process of its own or in a host beside many others. Every run is logged, counted in {@code
 * metrics}, and reported to the CustomPodAutoscaler when the configuration names one, whose status
 * then also keeps the decision state.
 */
public final class Pipeline implements AutoCloseable {

  /**
   * What the pipelines of one process share: where user commands start (and are killed), the
   * threads that feed and drain them, and the HTTP clients of HTTP methods.
   */
  public record Shared(ProcessSessions sessions, Executor io, HttpClients httpClients) {}

  private final Autoscaler autoscaler;
  private final ConfiguredUserLogic userLogic;
  private final ProcessSessions sessions;

  private Pipeline(Autoscaler autoscaler, ConfiguredUserLogic userLogic, ProcessSessions sessions) {
    this.autoscaler = autoscaler;
    this.userLogic = userLogic;
    this.sessions = sessions;
  }

  /**
   * Builds the pipeline of {@code config}, acting through {@code client}, its writes through {@code
   * gate}. The CustomPodAutoscaler it reports to is read through {@code client}, unless it is
   * {@code known} already.
   *
   * @throws IllegalArgumentException when a method cannot be set up (its TLS files, say)
   */
  public static Pipeline assemble(
      AutoscalerConfig config,
      KubernetesClient client,
      Clock clock,
      Shared shared,
      AutoscalerMetrics metrics,
      WriteGate gate,
      Optional<CustomPodAutoscaler> known) {
    ConfiguredUserLogic userLogic =
        ConfiguredUserLogic.from(
            config, shared.sessions(), shared.io(), shared.httpClients(), metrics, metrics, clock);
    KubernetesTargetClient kubernetes = new KubernetesTargetClient(client);
    Optional<CpaConnection> cpa =
        config
            .reportsTo()
            .map(
                name ->
                    known
                        .filter(found -> isNamed(found, config.namespace(), name))
                        .map(found -> CpaConnection.of(client, found))
                        .orElseGet(() -> CpaConnection.connect(client, config.namespace(), name)));
    DecisionStateStore decisionStates =
        cpa.map(CpaConnection::decisionStateStore).orElseGet(InMemoryDecisionStateStore::new);
    RunLog runLog = new RunLog(config.scaleTargetRef(), config.namespace());
    Optional<CpaReporter> reporter =
        cpa.map(found -> found.reporter(config.scaleTargetRef(), clock));
    RunObserver observer =
        report -> {
          runLog.finished(report);
          metrics.finished(report);
          reporter.ifPresent(found -> found.finished(report));
        };
    Autoscaler autoscaler =
        new Autoscaler(
            config,
            new Autoscaler.Ports(
                gate.scale(kubernetes),
                kubernetes,
                KubernetesMetricsGatherer.of(client, config, clock),
                userLogic,
                gate.decisionStates(decisionStates)),
            clock,
            gate.observer(observer));
    return new Pipeline(autoscaler, userLogic, shared.sessions());
  }

  private static boolean isNamed(CustomPodAutoscaler cpa, String namespace, String name) {
    return cpa.getMetadata().getNamespace().equals(namespace)
        && cpa.getMetadata().getName().equals(name);
  }

  public Autoscaler autoscaler() {
    return autoscaler;
  }

  /** Stops the workers, kills the commands still running in these sessions, then the rest. */
  @Override
  public void close() {
    userLogic.close();
    sessions.killAll();
    autoscaler.close();
  }
}
