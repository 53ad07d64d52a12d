package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-pod example's metric stage asks each pod, and counts a pod not started yet as empty. */
class PerPodExampleTest {

  private static final Path METRIC = ProjectFiles.resolve("examples/per-pod/metric.py");

  /** The port metric.py asks pods on, as the example's app serves it. */
  private static final int APP_PORT = 8080;

  @Test
  void aPodWithNoIpYetCountsAsEmptyAndTheRunGoesOn() throws Exception {
    Result result = runMetric("{\"resource\":{\"metadata\":{\"name\":\"web-1\"},\"status\":{}}}");

    assertThat(result.status()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo("{\"load\": 0}");
    assertThat(result.stderr()).contains("web-1 has no IP yet");
  }

  @Test
  void aRunningPodIsAskedForItsLoad() throws Exception {
    HttpServer pod = HttpServer.create(new InetSocketAddress("127.0.0.9", APP_PORT), 0);
    pod.createContext(
        "/metric",
        exchange -> {
          byte[] body = "{\"load\": 12}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    pod.start();
    try {
      Result result =
          runMetric(
              "{\"resource\":{\"metadata\":{\"name\":\"web-2\"},"
                  + "\"status\":{\"podIP\":\"127.0.0.9\"}}}");

      assertThat(result.status()).as(result.stderr()).isZero();
      assertThat(result.stdout()).isEqualTo("{\"load\": 12}");
    } finally {
      pod.stop(0);
    }
  }

  private record Result(int status, String stdout, String stderr) {}

  private static Result runMetric(String document) throws Exception {
    Process process = new ProcessBuilder("python3", METRIC.toString()).start();
    process.getOutputStream().write(document.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stdout, stderr);
  }
}
