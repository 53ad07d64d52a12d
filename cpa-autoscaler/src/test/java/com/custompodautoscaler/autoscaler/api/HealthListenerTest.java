package com.custompodautoscaler.autoscaler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.core.model.Stage;
import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.custompodautoscaler.pipeline.testing.LoopbackHttp;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthListenerTest {

  private final AutoscalerMetrics metrics = new AutoscalerMetrics();
  private final Readiness readiness = new Readiness();
  private HealthListener listener;

  @BeforeEach
  void start() throws Exception {
    listener = HealthListener.start(0, readiness, metrics);
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  @Test
  void answersHealthAtOnceAndReadinessOnceTheAutoscalerIsReady() throws Exception {
    HttpResponse<String> health = send("GET", "/healthz");
    HttpResponse<String> notReady = send("GET", "/readyz");
    readiness.markReady();
    HttpResponse<String> ready = send("GET", "/readyz");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body())
        .isEqualTo("not ready: the Kubernetes API server has not answered yet\n");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ok\n");
  }

  @Test
  void servesThePrometheusMetrics() throws Exception {
    metrics.called(Stage.METRIC, "shell", Duration.ofMillis(1), true);

    HttpResponse<String> scrape = send("GET", "/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(scrape.body())
        .contains(
            "cpa_user_logic_call_duration_seconds_count{method=\"shell\",outcome=\"success\",stage=\"metric\"} 1");
  }

  @Test
  void servesNothingOfTheRestApi() throws Exception {
    for (String path : new String[] {"/api/v1/metrics", "/api/v1/evaluation", "/"}) {
      HttpResponse<String> response = send("GET", path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).isEqualTo("404 page not found\n");
    }
    assertThat(send("POST", "/api/v1/evaluation").statusCode()).isEqualTo(404);
  }

  @Test
  void answersProbesByGetOrHeadOnly() throws Exception {
    HttpResponse<String> head = send("HEAD", "/readyz");
    HttpResponse<String> post = send("POST", "/healthz");

    assertThat(head.statusCode()).isEqualTo(503);
    assertThat(head.body()).isEmpty();
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.body()).isEqualTo("method not allowed\n");
  }

  @Test
  void refusesToStartOnAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> HealthListener.start(taken.getLocalPort(), readiness, metrics))
          .isInstanceOf(BindException.class);
    }
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return LoopbackHttp.send(listener.port(), method, path);
  }
}
