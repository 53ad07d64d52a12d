package com.custompodautoscaler.operator.webhook;

import java.util.List;

/**
 * Where and how the operator serves its admission webhook.
 *
 * @param port the HTTPS port (0 picks a free one)
 * @param hosts the names the API server reaches it by, for its certificate (the first is its CN)
 * @param namespace the operator's namespace, which holds the certificate's Secret
 * @param secret the Secret's name
 * @param configuration the ValidatingWebhookConfiguration whose {@code caBundle} it sets
 */
public record WebhookSettings(
    int port, List<String> hosts, String namespace, String secret, String configuration) {

  public WebhookSettings {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("the webhook needs at least one host name");
    }
  }
}
