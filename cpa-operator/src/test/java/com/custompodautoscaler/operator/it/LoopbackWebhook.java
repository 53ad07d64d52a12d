package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.operator.OperatorSettings;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.operator.webhook.AdmissionServer;
import com.custompodautoscaler.operator.webhook.WebhookSettings;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's admission webhook as the tests run it: the ValidatingWebhookConfiguration of
 * {@code deploy/install/cluster-wide.yaml}, but reached by URL on loopback, since a bare API server
 * has no Service to route to, and only for the namespaces labelled {@value #LABEL}, so that the
 * tests of other classes never meet it. The operator makes its certificate and sets the caBundle.
 */
final class LoopbackWebhook {

  static final String LABEL = "cpa-tests/webhook";
  static final String CONFIGURATION = "cpa-operator";

  private LoopbackWebhook() {}

  /** A free port for the webhook, known before the operator starts. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The install manifests' webhook configuration, sending the API server to {@code port}, in place
   * of the one of that name (as {@code kubectl apply} of the manifests made it).
   */
  private static void configure(KubernetesClient admin, int port) {
    ValidatingWebhookConfiguration configuration =
        OperatorAccount.manifests(admin).stream()
            .filter(ValidatingWebhookConfiguration.class::isInstance)
            .map(ValidatingWebhookConfiguration.class::cast)
            .findFirst()
            .orElseThrow();
    for (ValidatingWebhook webhook : configuration.getWebhooks()) {
      webhook.setClientConfig(
          new WebhookClientConfigBuilder()
              .withUrl("https://localhost:" + port + AdmissionServer.PATH)
              .build());
      webhook.setNamespaceSelector(
          new LabelSelectorBuilder().withMatchLabels(Map.of(LABEL, "on")).build());
    }
    remove(admin);
    admin.resource(configuration).create();
  }

  /**
   * Configures the webhook on a free port and starts the operator, as its installed account, over
   * every namespace with the default allow-list, serving it there; its certificate is made for
   * localhost.
   */
  static CustomPodAutoscalerOperator serveWithTheOperator(KubernetesClient admin)
      throws IOException {
    int port = freePort();
    configure(admin, port);
    return OperatorTestSupport.startOperator(
        new OperatorSettings(
            Set.of(),
            Optional.empty(),
            0,
            RoleRuleAllowList.DEFAULT,
            Optional.of(
                new WebhookSettings(
                    port,
                    List.of("localhost"),
                    OperatorAccount.NAMESPACE,
                    "cpa-operator-webhook-tls",
                    CONFIGURATION)),
            Optional.empty()));
  }

  /** A fresh namespace where the webhook is asked. */
  static String freshNamespace(KubernetesClient admin, String prefix) {
    String namespace = SharedKubeApiServer.freshNamespace(admin, prefix);
    admin
        .namespaces()
        .withName(namespace)
        .edit(
            found ->
                new NamespaceBuilder(found)
                    .editMetadata()
                    .addToLabels(LABEL, "on")
                    .endMetadata()
                    .build());
    return namespace;
  }

  /** Removes the configuration: the API server stops asking. */
  static void remove(KubernetesClient admin) {
    admin
        .admissionRegistration()
        .v1()
        .validatingWebhookConfigurations()
        .withName(CONFIGURATION)
        .delete();
  }
}
