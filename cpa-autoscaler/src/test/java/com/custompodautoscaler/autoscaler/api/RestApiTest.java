package com.custompodautoscaler.autoscaler.api;

import static com.custompodautoscaler.pipeline.testing.TestConfigs.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.core.port.UserLogic;
import com.custompodautoscaler.pipeline.config.ApiConfig;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.custompodautoscaler.pipeline.run.Autoscaler;
import com.custompodautoscaler.pipeline.run.MutableClock;
import com.custompodautoscaler.pipeline.testing.FakeCluster;
import com.custompodautoscaler.pipeline.testing.LoopbackHttp;
import com.custompodautoscaler.pipeline.testing.ScriptedUserLogic;
import com.custompodautoscaler.pipeline.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestApiTest {

  private static final ApiConfig LOOPBACK = new ApiConfig(true, false, 0, "127.0.0.1", "", "");

  private final AutoscalerMetrics metrics = new AutoscalerMetrics();
  private final Readiness readiness = new Readiness();
  private FakeCluster cluster = new FakeCluster("test", 1).withPods("SUCCESS_POD");
  private ScriptedUserLogic logic =
      new ScriptedUserLogic()
          .answering(Stage.METRIC, "SUCCESS")
          .answering(Stage.EVALUATE, "{\"targetReplicas\":1}");
  private Autoscaler autoscaler;
  private RestApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (autoscaler != null) {
      autoscaler.close();
    }
  }

  @Test
  void metricsAnswersTheGatheredMetricsAsJson() throws Exception {
    start("");

    for (String query : new String[] {"", "?dry_run=false", "?dry_run=true"}) {
      HttpResponse<String> response = get("/api/v1/metrics" + query);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo("[{\"resource\":\"SUCCESS_POD\",\"value\":\"SUCCESS\"}]");
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }
    assertThat(logic.documentsFor(Stage.METRIC))
        .extracting(document -> document.substring(document.lastIndexOf("runType")))
        .containsExactly("runType\":\"api\"}", "runType\":\"api\"}", "runType\":\"api_dry_run\"}");
    assertThat(logic.documentsFor(Stage.EVALUATE)).as("metrics never evaluates").isEmpty();
  }

  @Test
  void metricsAnswersNullWhenPerPodFindsNoPods() throws Exception {
    cluster = new FakeCluster("test", 1);
    start("");

    HttpResponse<String> response = get("/api/v1/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("null");
  }

  @Test
  void anInvalidDryRunIsABadRequestAndTouchesNothing() throws Exception {
    start("");

    HttpResponse<String> metricsResponse = get("/api/v1/metrics?dry_run=invalid");
    HttpResponse<String> evaluationResponse = post("/api/v1/evaluation?dry_run=yes");

    assertThat(metricsResponse.statusCode()).isEqualTo(400);
    assertThat(metricsResponse.body())
        .isEqualTo(
            "{\"message\":\"Invalid format for 'dry_run' query parameter; 'invalid' is not a valid"
                + " boolean value\",\"code\":400}");
    assertThat(evaluationResponse.statusCode()).isEqualTo(400);
    assertThat(evaluationResponse.body()).contains("'yes' is not a valid boolean value");
    assertThat(logic.calls()).isEmpty();
  }

  @Test
  void evaluationScalesAndAnswersTheFinalReplicas() throws Exception {
    logic.answering(Stage.EVALUATE, "{\"targetReplicas\":20}");
    start("maxReplicas: 10\n");

    HttpResponse<String> response = post("/api/v1/evaluation");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"targetReplicas\":10}");
    assertThat(cluster.replicaWrites()).containsExactly(10);
  }

  @Test
  void aDryRunEvaluationAnswersTheRawEvaluationAndScalesNothing() throws Exception {
    logic.answering(Stage.EVALUATE, "{\"targetReplicas\":20}");
    start("maxReplicas: 10\n");

    for (String value : new String[] {"true", "1", "T", "TRUE"}) {
      HttpResponse<String> response = post("/api/v1/evaluation?dry_run=" + value);

      assertThat(response.body()).as(value).isEqualTo("{\"targetReplicas\":20}");
    }
    assertThat(cluster.replicaWrites()).isEmpty();
    assertThat(post("/api/v1/evaluation?dry_run=").body()).isEqualTo("{\"targetReplicas\":10}");
  }

  @Test
  void failuresAreServerErrorsWithTheInnerMessage() throws Exception {
    cluster = new FakeCluster("test", 1).failingToReadTarget("fail getting resource");
    start("");
    assertError(get("/api/v1/metrics"), 500, "fail getting resource");
    assertError(post("/api/v1/evaluation"), 500, "fail getting resource");
    stop();

    cluster = new FakeCluster("test", 1).failingToReadScale("fail getting scale subresource");
    start("");
    assertError(get("/api/v1/metrics"), 500, "fail getting scale subresource");
    stop();

    cluster = new FakeCluster("test", 1);
    logic = new ScriptedUserLogic().failing(Stage.METRIC, "FAIL GET METRICS");
    start("runMode: per-resource\n");
    assertError(get("/api/v1/metrics"), 500, "failed to gather metrics: FAIL GET METRICS");
    stop();

    logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .failing(Stage.EVALUATE, "FAIL GET EVALUATION");
    start("runMode: per-resource\n");
    assertError(post("/api/v1/evaluation"), 500, "failed to get evaluation: FAIL GET EVALUATION");
    stop();

    cluster = new FakeCluster("test", 1).failingNextWrite("FAILURE SCALING", 500);
    logic =
        new ScriptedUserLogic()
            .answering(Stage.METRIC, "m")
            .answering(Stage.EVALUATE, "{\"targetReplicas\":3}");
    start("runMode: per-resource\n");
    assertError(
        post("/api/v1/evaluation"),
        500,
        "failed to apply scaling changes to resource: FAILURE SCALING");
  }

  @Test
  void unknownPathsAndWrongMethodsAreRefusedAsCpaV2Does() throws Exception {
    start("");

    assertError(get("/api/v1/non_existent"), 404, "Resource '/api/v1/non_existent' not found");
    assertError(get("/api/v1/metrics/"), 404, "Resource '/api/v1/metrics/' not found");
    assertError(
        send("DELETE", "/api/v1/metrics"),
        405,
        "Method 'DELETE' not allowed on resource '/api/v1/metrics'");
    assertError(
        send("DELETE", "/api/v1/evaluation"),
        405,
        "Method 'DELETE' not allowed on resource '/api/v1/evaluation'");
    assertError(
        get("/api/v1/evaluation"),
        405,
        "Method 'GET' not allowed on resource '/api/v1/evaluation'");
    HttpResponse<String> elsewhere = get("/nowhere");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).isEqualTo("404 page not found\n");
  }

  @Test
  void healthAndReadinessAndPrometheusMetrics() throws Exception {
    start("");

    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> notReady = get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("API server has not answered");
    readiness.markReady();
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    post("/api/v1/evaluation");
    HttpResponse<String> scrape = get("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("cpa_runs_total{outcome=\"success\",run_type=\"api\"} 1.0")
        .contains("cpa_run_duration_seconds_count{run_type=\"api\"} 1")
        .contains("cpa_stage_duration_seconds_count{stage=\"metrics\"} 1")
        .contains(
            "cpa_user_logic_call_duration_seconds_count{method=\"shell\",outcome=\"success\",stage=\"metric\"} 1")
        .contains("cpa_scale_operations_total{direction=\"up\"} 0.0")
        .contains("cpa_current_replicas 1.0")
        .contains("cpa_desired_replicas 1.0");
  }

  @Test
  void servesHttpsFromPemFiles(@TempDir Path dir) throws Exception {
    TestCertificates certificates = TestCertificates.createIn(dir);
    autoscaler = autoscaler(config(""));
    api =
        RestApi.start(
            new ApiConfig(
                true,
                true,
                0,
                "127.0.0.1",
                certificates.serverCertFile().toString(),
                certificates.serverKeyFile().toString()),
            autoscaler,
            readiness,
            metrics);
    HttpClient trusting = HttpClient.newBuilder().sslContext(certificates.clientContext()).build();

    HttpResponse<String> response =
        trusting.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + api.port() + "/healthz"))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("ok\n");
  }

  private void assertError(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(new ErrorJson(message, status).json());
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  private record ErrorJson(String message, int code) {
    String json() {
      return "{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"code\":" + code + "}";
    }
  }

  private void start(String yaml) throws Exception {
    autoscaler = autoscaler(config(yaml));
    api = RestApi.start(LOOPBACK, autoscaler, readiness, metrics);
  }

  private Autoscaler autoscaler(AutoscalerConfig config) {
    UserLogic timedLogic =
        new UserLogic() {
          @Override
          public boolean defines(Stage stage) {
            return logic.defines(stage);
          }

          @Override
          public String call(Stage stage, String document) {
            String output = logic.call(stage, document);
            metrics.called(stage, "shell", Duration.ofMillis(1), true);
            return output;
          }
        };
    return new Autoscaler(
        config,
        cluster,
        cluster,
        cluster,
        timedLogic,
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")),
        metrics);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", path);
  }

  private HttpResponse<String> post(String path) throws Exception {
    return send("POST", path);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return LoopbackHttp.send(api.port(), method, path);
  }
}
