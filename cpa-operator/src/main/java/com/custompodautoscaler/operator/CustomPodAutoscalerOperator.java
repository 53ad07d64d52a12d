package com.custompodautoscaler.operator;

import com.custompodautoscaler.operator.reconciler.CustomPodAutoscalerReconciler;
import com.custompodautoscaler.operator.webhook.AdmissionServer;
import com.custompodautoscaler.operator.webhook.Webhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
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
  private final Optional<AdmissionServer> webhook;

  private CustomPodAutoscalerOperator(
      Operator operator,
      HealthServer health,
      Leadership leadership,
      Optional<AdmissionServer> webhook) {
    this.operator = operator;
    this.health = health;
    this.leadership = leadership;
    this.webhook = webhook;
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
        new CustomPodAutoscalerReconciler(
            client, Clock.systemUTC(), metrics, settings.roleRulesAllowed(), settings.host()),
        configuration -> {
          if (!namespaces.isEmpty()) {
            configuration.settingNamespaces(namespaces);
          }
        });
    BooleanSupplier standingBy =
        () -> settings.leaseNamespace().isPresent() && !leadership.isLeading();
    Optional<AdmissionServer> webhook = Optional.empty();
    if (settings.webhook().isPresent()) {
      webhook = Optional.of(Webhook.start(client, settings.webhook().get(), Clock.systemUTC()));
    }
    HealthServer health = new HealthServer(settings.healthPort(), operator, metrics, standingBy);
    operator.start();
    log.info(
        "operator started: namespaces {}, leader election {}, health and metrics on port {}",
        namespaces.isEmpty() ? "all" : namespaces,
        settings.leaseNamespace().map(namespace -> "in " + namespace).orElse("off"),
        health.port());
    return new CustomPodAutoscalerOperator(operator, health, leadership, webhook);
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

  /** The port of the admission webhook, when it runs. */
  public Optional<Integer> webhookPort() {
    return webhook.map(AdmissionServer::port);
  }

  @Override
  public void close() {
    leadership.shutdown();
    operator.stop();
    webhook.ifPresent(AdmissionServer::close);
    health.close();
  }
}
