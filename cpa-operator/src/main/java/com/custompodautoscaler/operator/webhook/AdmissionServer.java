package com.custompodautoscaler.operator.webhook;

import com.custompodautoscaler.api.http.HttpResponses;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's validating admission webhook for CustomPodAutoscalers, served over HTTPS at
 * {@value #PATH}: it admits a CPA whose author holds every {@code spec.roleRules} rule it adds, and
 * refuses it otherwise, naming the rule. When it cannot tell (an API server error), it refuses.
 */
public final class AdmissionServer implements AutoCloseable {

  /** Where the API server sends AdmissionReviews of CPAs. */
  public static final String PATH = "/validate-custompodautoscalers";

  private static final Logger log = LoggerFactory.getLogger(AdmissionServer.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final int MAX_BODY = 3 * 1024 * 1024;
  private static final int THREADS = 4;

  private final HttpsServer server;
  private final ExecutorService executor;
  private final RoleRulesAdmission admission;

  private AdmissionServer(HttpsServer server, RoleRulesAdmission admission) {
    this.server = server;
    this.admission = admission;
    this.executor = Executors.newFixedThreadPool(THREADS);
    server.createContext(PATH, this::handle);
    server.setExecutor(executor);
  }

  /** Serves on {@code port} with {@code tls}, asking {@code reviews} what a user holds. */
  static AdmissionServer start(int port, SSLContext tls, AccessReviews reviews) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    AdmissionServer webhook = new AdmissionServer(server, new RoleRulesAdmission(reviews));
    server.start();
    log.info("admission webhook listening on https port {} path {}", webhook.port(), PATH);
    return webhook;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "only POST");
        return;
      }
      AdmissionReview review;
      try (InputStream body = exchange.getRequestBody()) {
        review =
            SERIALIZATION.unmarshal(
                new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8),
                AdmissionReview.class);
      } catch (RuntimeException e) {
        answer(exchange, 400, "not an AdmissionReview: " + e.getMessage());
        return;
      }
      AdmissionResponse response = decide(review.getRequest());
      answer(
          exchange,
          200,
          SERIALIZATION.asJson(
              new AdmissionReviewBuilder()
                  .withApiVersion(review.getApiVersion())
                  .withKind("AdmissionReview")
                  .withResponse(response)
                  .build()));
    }
  }

  private AdmissionResponse decide(AdmissionRequest request) {
    Optional<String> refusal;
    try {
      refusal =
          admission.refusal(
              request.getUserInfo(),
              request.getNamespace(),
              roleRules(request.getObject()),
              roleRules(request.getOldObject()));
    } catch (KubernetesClientException e) {
      refusal = Optional.of("the operator could not check spec.roleRules: " + e.getMessage());
    }
    refusal.ifPresent(
        reason ->
            log.info(
                "refused cpa={}/{} user={} operation={}: {}",
                request.getNamespace(),
                request.getName(),
                request.getUserInfo().getUsername(),
                request.getOperation(),
                reason));
    AdmissionResponseBuilder response =
        new AdmissionResponseBuilder().withUid(request.getUid()).withAllowed(refusal.isEmpty());
    refusal.ifPresent(
        reason ->
            response.withStatus(
                new StatusBuilder()
                    .withCode(403)
                    .withReason("Forbidden")
                    .withMessage(reason)
                    .build()));
    return response.build();
  }

  /**
   * The {@code spec.roleRules} of a CPA in a review; none for a CPA that is not there (a create's
   * old one).
   */
  private static List<RoleRule> roleRules(Object object) {
    if (object == null) {
      return List.of();
    }
    CustomPodAutoscaler cpa =
        SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), CustomPodAutoscaler.class);
    return cpa.getSpec() == null ? List.of() : cpa.getSpec().getRoleRules();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    HttpResponses.send(
        exchange, status, status == 200 ? HttpResponses.JSON : HttpResponses.PLAIN_TEXT, body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
