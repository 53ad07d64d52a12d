package com.custompodautoscaler.operator;

import com.custompodautoscaler.operator.reconciler.CustomPodAutoscalerReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator: reconciles CustomPodAutoscalers and serves its health and metrics. */
public final class CustomPodAutoscalerOperator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CustomPodAutoscalerOperator.class);
  private static final String LEASE_NAME = "cpa-operator";

  private final Operator operator;
  private final HealthServer health;
  private final Leadership leadership;

  private CustomPodAutoscalerOperator(
      Operator operator, HealthServer health, Leadership leadership) {
    this.operator = operator;
    this.health = health;
    this.leadership = leadership;
  }

  /**
   * Starts reconciling in {@code namespaces} (all when empty), with leader election when {@code
   * settings} ask for it.
   */
  public static CustomPodAutoscalerOperator start(
      KubernetesClient client, OperatorSettings settings) throws IOException {
    OperatorMetrics metrics = new OperatorMetrics();
    Leadership leadership = new Leadership();
    Operator operator =
        new Operator(
            overrider -> {
              overrider.withKubernetesClient(client).withCloseClientOnStop(false);
              settings
                  .leaseNamespace()
                  .ifPresent(
                      namespace ->
                          overrider.withLeaderElectionConfiguration(
                              leaderElection(namespace, leadership)));
            });
    Set<String> namespaces = settings.namespaces();
    operator.register(
        new CustomPodAutoscalerReconciler(client, Clock.systemUTC(), metrics),
        configuration -> {
          if (!namespaces.isEmpty()) {
            configuration.settingNamespaces(namespaces);
          }
        });
    BooleanSupplier standingBy =
        () -> settings.leaseNamespace().isPresent() && !leadership.isLeading();
    HealthServer health = new HealthServer(settings.healthPort(), operator, metrics, standingBy);
    operator.start();
    log.info(
        "operator started: namespaces {}, leader election {}, health and metrics on port {}",
        namespaces.isEmpty() ? "all" : namespaces,
        settings.leaseNamespace().map(namespace -> "in " + namespace).orElse("off"),
        health.port());
    return new CustomPodAutoscalerOperator(operator, health, leadership);
  }

  /** Leader election through Lease {@value #LEASE_NAME} in {@code namespace}, JOSDK's timings. */
  private static LeaderElectionConfiguration leaderElection(
      String namespace, Leadership leadership) {
    return new LeaderElectionConfiguration(
        LEASE_NAME,
        namespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        leadership.callbacks(),
        false);
  }

  public int healthPort() {
    return health.port();
  }

  @Override
  public void close() {
    leadership.shutdown();
    operator.stop();
    health.close();
  }
}
