package com.custompodautoscaler.operator;

import com.custompodautoscaler.operator.model.HostAccount;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.operator.webhook.WebhookSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar cpa-operator.jar}: in a pod through its service account, elsewhere through the
 * kubeconfig.
 */
@Command(
    name = "cpa-operator",
    mixinStandardHelpOptions = true,
    description = "Runs the CustomPodAutoscaler operator until SIGTERM or SIGINT.")
public final class OperatorCli implements Callable<Integer> {

  private static final Path POD_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Option(
      names = "--namespaces",
      paramLabel = "NS[,NS...]",
      defaultValue = "${env:WATCH_NAMESPACE:-}",
      description = "Namespaces to watch, comma-separated; all when empty (env WATCH_NAMESPACE).")
  private String namespaces;

  @Option(
      names = "--leader-election",
      defaultValue = "${env:LEADER_ELECTION:-false}",
      description = "Elect a leader among replicas through a Lease (env LEADER_ELECTION).")
  private boolean leaderElection;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      defaultValue = "${env:LEADER_ELECTION_NAMESPACE:-}",
      description =
          "Namespace of the lease; default: the pod's own, else 'default' (env LEADER_ELECTION_NAMESPACE).")
  private String leaseNamespace;

  @Option(
      names = "--health-port",
      defaultValue = "${env:HEALTH_PORT:-8081}",
      description = "Port of /healthz, /readyz and /metrics (env HEALTH_PORT).")
  private int healthPort;

  @Option(
      names = "--role-rules-allowed",
      paramLabel = "JSON",
      defaultValue = "${env:ROLE_RULES_ALLOWED:-}",
      description =
          "The rules spec.roleRules may grant, as a JSON list of {apiGroups, resources, verbs};"
              + " default: read verbs on the metrics APIs (env ROLE_RULES_ALLOWED).")
  private String roleRulesAllowed;

  @Option(
      names = "--webhook-port",
      paramLabel = "PORT",
      defaultValue = "${env:WEBHOOK_PORT:-}",
      description = "HTTPS port of the admission webhook; off when empty (env WEBHOOK_PORT).")
  private String webhookPort;

  @Option(
      names = "--webhook-hosts",
      paramLabel = "HOST[,HOST...]",
      defaultValue = "${env:WEBHOOK_HOSTS:-}",
      description =
          "Names the API server reaches the webhook by, for its certificate (env WEBHOOK_HOSTS).")
  private String webhookHosts;

  @Option(
      names = "--webhook-secret",
      paramLabel = "NAME",
      defaultValue = "${env:WEBHOOK_SECRET:-cpa-operator-webhook-tls}",
      description =
          "Secret in the operator's namespace that keeps the webhook's certificate (env"
              + " WEBHOOK_SECRET).")
  private String webhookSecret;

  @Option(
      names = "--webhook-configuration",
      paramLabel = "NAME",
      defaultValue = "${env:WEBHOOK_CONFIGURATION:-cpa-operator}",
      description =
          "ValidatingWebhookConfiguration whose caBundle the operator sets (env"
              + " WEBHOOK_CONFIGURATION).")
  private String webhookConfiguration;

  @Option(
      names = "--operator-namespace",
      paramLabel = "NS",
      defaultValue = "${env:OPERATOR_NAMESPACE:-}",
      description =
          "The operator's own namespace; default: the pod's own, else 'default' (env"
              + " OPERATOR_NAMESPACE).")
  private String operatorNamespace;

  @Option(
      names = "--host-service-account",
      paramLabel = "NAMESPACE/NAME",
      defaultValue = "${env:HOST_SERVICE_ACCOUNT:-}",
      description =
          "The autoscaler host's ServiceAccount, which the operator lets impersonate each hosted"
              + " CPA's account; none when empty (env HOST_SERVICE_ACCOUNT).")
  private String hostServiceAccount;

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorCli()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings =
        new OperatorSettings(
            Set.copyOf(list(namespaces)),
            leaderElection ? Optional.of(leaseNamespace()) : Optional.empty(),
            healthPort,
            roleRulesAllowed(),
            webhook(),
            hostAccount());
    KubernetesClient client = new KubernetesClientBuilder().build();
    CustomPodAutoscalerOperator operator = CustomPodAutoscalerOperator.start(client, settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  client.close();
                  // Stopping on request is success; the JVM would exit with 128 + the signal.
                  Runtime.getRuntime().halt(0);
                },
                "shutdown"));
    // Runs until the shutdown hook halts the JVM.
    Thread.currentThread().join();
    return 0;
  }

  private String leaseNamespace() throws IOException {
    return leaseNamespace.isBlank() ? ownNamespace() : leaseNamespace;
  }

  private static String ownNamespace() throws IOException {
    return Files.isReadable(POD_NAMESPACE) ? Files.readString(POD_NAMESPACE).strip() : "default";
  }

  private RoleRuleAllowList roleRulesAllowed() {
    if (roleRulesAllowed.isBlank()) {
      return RoleRuleAllowList.DEFAULT;
    }
    try {
      return RoleRuleAllowList.parse(roleRulesAllowed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--role-rules-allowed (ROLE_RULES_ALLOWED): " + e.getMessage());
    }
  }

  private Optional<HostAccount> hostAccount() {
    if (hostServiceAccount.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HostAccount.parse(hostServiceAccount));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--host-service-account (HOST_SERVICE_ACCOUNT): " + e.getMessage());
    }
  }

  private Optional<WebhookSettings> webhook() throws IOException {
    if (webhookPort.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WebhookSettings(
              Integer.parseInt(webhookPort.strip()),
              list(webhookHosts),
              operatorNamespace.isBlank() ? ownNamespace() : operatorNamespace,
              webhookSecret,
              webhookConfiguration));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "the webhook's settings (WEBHOOK_*): " + e.getMessage());
    }
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(item -> !item.isEmpty())
        .toList();
  }
}
