package com.custompodautoscaler.pipeline.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** Requests without a body to an HTTP server on a loopback port, as probes and tests send them. */
public final class LoopbackHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoopbackHttp() {}

  /** Sends {@code method path} to {@code http://127.0.0.1:port}. */
  public static HttpResponse<String> send(int port, String method, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build(),
        BodyHandlers.ofString());
  }
}
