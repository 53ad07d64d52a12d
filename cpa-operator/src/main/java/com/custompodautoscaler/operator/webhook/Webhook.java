package com.custompodautoscaler.operator.webhook;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the admission webhook: its certificate from the Secret (made there by the first replica to
 * start, or again once it expired), that certificate's authority set as the {@code caBundle} of the
 * webhook configuration, and the HTTPS server.
 */
public final class Webhook {

  private static final Logger log = LoggerFactory.getLogger(Webhook.class);

  private Webhook() {}

  /** Serves the webhook as {@code settings} say, through {@code client}. */
  public static AdmissionServer start(
      KubernetesClient client, WebhookSettings settings, Clock clock) throws IOException {
    ServingCertificate certificate = certificate(client, settings, clock);
    trust(client, settings.configuration(), certificate);
    return AdmissionServer.start(
        settings.port(), certificate.sslContext(), new SubjectAccessReviews(client));
  }

  /**
   * The certificate in the Secret the chart makes; a new one, written there, while it holds none or
   * an expired one. Of two replicas starting at once, the one that writes second takes the first's.
   */
  private static ServingCertificate certificate(
      KubernetesClient client, WebhookSettings settings, Clock clock) {
    var secret = client.secrets().inNamespace(settings.namespace()).withName(settings.secret());
    Secret kept = secret.get();
    if (kept == null) {
      throw new IllegalStateException(
          "Secret "
              + settings.namespace()
              + "/"
              + settings.secret()
              + ", which holds the webhook's certificate, is missing: the operator's chart and"
              + " install manifests make it");
    }
    Optional<ServingCertificate> held =
        ServingCertificate.fromSecret(kept).filter(found -> found.isValidAt(clock.instant()));
    if (held.isPresent()) {
      return held.get();
    }
    ServingCertificate made = ServingCertificate.generate(settings.hosts(), clock.instant());
    kept.setData(made.secretData());
    try {
      client.resource(kept).update();
      log.info(
          "made the webhook's certificate secret={}/{} hosts={}",
          settings.namespace(),
          settings.secret(),
          settings.hosts());
      return made;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      return ServingCertificate.fromSecret(secret.require()).orElseThrow();
    }
  }

  /**
   * Sets the certificate's authority as the {@code caBundle} of every webhook of the configuration.
   */
  private static void trust(KubernetesClient client, String name, ServingCertificate certificate) {
    ValidatingWebhookConfiguration configuration =
        client.admissionRegistration().v1().validatingWebhookConfigurations().withName(name).get();
    if (configuration == null) {
      log.warn(
          "no ValidatingWebhookConfiguration {}: the API server does not call the webhook, and only the allow-list limits spec.roleRules",
          name);
      return;
    }
    String bundle =
        Base64.getEncoder().encodeToString(certificate.caPem().getBytes(StandardCharsets.UTF_8));
    List<Map<String, Object>> patch = new ArrayList<>();
    for (int i = 0; i < configuration.getWebhooks().size(); i++) {
      patch.add(
          Map.of(
              "op", "add", "path", "/webhooks/" + i + "/clientConfig/caBundle", "value", bundle));
    }
    client
        .admissionRegistration()
        .v1()
        .validatingWebhookConfigurations()
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON), client.getKubernetesSerialization().asJson(patch));
    log.info("set the caBundle of ValidatingWebhookConfiguration {}", name);
  }
}
