package com.custompodautoscaler.pipeline.method;

import static com.custompodautoscaler.pipeline.testing.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.HttpMethodConfig;
import com.custompodautoscaler.pipeline.config.ParameterMode;
import com.custompodautoscaler.pipeline.config.SuccessCodes;
import com.custompodautoscaler.pipeline.config.TlsFiles;
import com.custompodautoscaler.pipeline.testing.LoopbackServer;
import com.custompodautoscaler.pipeline.testing.TestCertificates;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpMethodTest {

  private static final int ONE_MIB = 1024 * 1024;
  private static TestCertificates certificates;
  private final HttpClients clients = new HttpClients();
  private final AtomicReference<HttpExchange> seen = new AtomicReference<>();
  private final AtomicReference<String> seenBody = new AtomicReference<>();

  @TempDir static Path certDir;

  @BeforeAll
  static void createCertificates() throws Exception {
    certificates = TestCertificates.createIn(certDir);
  }

  @Test
  void sendsTheDocumentInTheBodyWithHeadersAndReturnsTheResponse() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.http(exchange -> record(exchange, 200, "Success!"))) {
      HttpMethod method =
          method(
              "POST",
              server.url().resolve("/metric"),
              ParameterMode.BODY,
              Map.of("a", "testa", "b", "testb"),
              SuccessCodes.of(Set.of(200, 202)),
              TlsFiles.none());

      assertThat(method.call("test")).isEqualTo("Success!");
      assertThat(seen.get().getRequestMethod()).isEqualTo("POST");
      assertThat(seenBody.get()).isEqualTo("test");
      assertThat(seen.get().getRequestHeaders().getFirst("a")).isEqualTo("testa");
      assertThat(seen.get().getRequestHeaders().getFirst("b")).isEqualTo("testb");
      assertThat(seen.get().getRequestHeaders().getFirst("Content-Type"))
          .isEqualTo("application/json");
    }
  }

  @Test
  void aConfiguredContentTypeIsKept() throws Exception {
    try (LoopbackServer server = LoopbackServer.http(exchange -> record(exchange, 200, "ok"))) {
      HttpMethod method =
          method(
              "PUT",
              server.url(),
              ParameterMode.BODY,
              Map.of("content-type", "text/plain"),
              SuccessCodes.anyTwoHundred(),
              TlsFiles.none());

      method.call("test");

      assertThat(seen.get().getRequestHeaders().get("Content-Type")).containsExactly("text/plain");
      assertThat(seen.get().getRequestMethod()).isEqualTo("PUT");
    }
  }

  @Test
  void addsTheDocumentAsQueryParameterValueAfterTheExistingQuery() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.http(exchange -> record(exchange, 200, "Success!"))) {
      HttpMethod method =
          method(
              "GET",
              server.url().resolve("/m?b=2&a=1"),
              ParameterMode.QUERY,
              Map.of(),
              SuccessCodes.of(Set.of(200)),
              TlsFiles.none());

      assertThat(method.call("{\"x\": \"a b&c\"}")).isEqualTo("Success!");
      String query = seen.get().getRequestURI().getRawQuery();
      assertThat(query).startsWith("b=2&a=1&value=");
      assertThat(
              URLDecoder.decode(
                  query.substring(query.indexOf("value=") + 6), StandardCharsets.UTF_8))
          .isEqualTo("{\"x\": \"a b&c\"}");
    }
  }

  @Test
  void aStatusOutsideTheSuccessCodesFailsWithTheBody() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.http(exchange -> record(exchange, 400, "bad request!"))) {
      HttpMethod method =
          method(
              "GET",
              server.url(),
              ParameterMode.QUERY,
              Map.of(),
              SuccessCodes.of(Set.of(200, 202)),
              TlsFiles.none());

      assertThatThrownBy(() -> method.call("test"))
          .isInstanceOf(UserLogicException.class)
          .hasMessage("HTTP request failed, status: [400], response: 'bad request!'");
    }
  }

  @Test
  void withoutSuccessCodesAny2xxSucceedsAndOtherStatusesFail() throws Exception {
    AtomicReference<Integer> status = new AtomicReference<>(200);
    try (LoopbackServer server =
        LoopbackServer.http(exchange -> record(exchange, status.get(), "ok"))) {
      HttpMethod method = queryGet(server.url(), TlsFiles.none());

      assertThat(method.call("x")).isEqualTo("ok");
      status.set(202);
      assertThat(method.call("x")).isEqualTo("ok");
      status.set(500);
      assertThatThrownBy(() -> method.call("x")).hasMessageContaining("status: [500]");
    }
  }

  @Test
  void aSlowServerTimesOut() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.http(
            exchange -> {
              sleep(2000);
              record(exchange, 200, "late");
            })) {
      HttpMethod method =
          new HttpMethod(
              "metric",
              new HttpMethodConfig(
                  Duration.ofMillis(100),
                  "GET",
                  server.url(),
                  Map.of(),
                  SuccessCodes.anyTwoHundred(),
                  ParameterMode.QUERY,
                  TlsFiles.none()),
              clients.clientFor(TlsFiles.none()),
              ONE_MIB);

      assertThatThrownBy(() -> method.call("test"))
          .hasMessageEndingWith(": timed out after 100 ms")
          .hasMessageStartingWith("GET " + server.url());
    }
  }

  @Test
  void aConnectionFailureNamesTheRequest() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + "/metric");
    HttpMethod method = queryGet(url, TlsFiles.none());

    assertThatThrownBy(() -> method.call("test"))
        .isInstanceOf(UserLogicException.class)
        .hasMessageStartingWith("GET " + url + "?value=test: ");
  }

  @Test
  void aTooLargeBodyIsAnError() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.http(exchange -> record(exchange, 200, "x".repeat(5000)))) {
      HttpMethod method =
          new HttpMethod(
              "metric",
              new HttpMethodConfig(
                  Duration.ofSeconds(5),
                  "GET",
                  server.url(),
                  Map.of(),
                  SuccessCodes.anyTwoHundred(),
                  ParameterMode.QUERY,
                  TlsFiles.none()),
              clients.clientFor(TlsFiles.none()),
              1000);

      assertThatThrownBy(() -> method.call("x"))
          .hasMessageContaining("larger than 1000 bytes (maxOutputBytes)");
    }
  }

  @Test
  void trustsTheConfiguredCaInsteadOfTheSystemOnes() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.https(
            certificates.serverContext(), exchange -> record(exchange, 200, "Success!"))) {
      HttpMethod trusting =
          method(
              "GET",
              server.url(),
              ParameterMode.QUERY,
              Map.of(),
              SuccessCodes.of(Set.of(200)),
              TlsFiles.none().withCaCert(certificates.caFile()));
      HttpMethod systemTrust =
          method(
              "GET",
              server.url(),
              ParameterMode.QUERY,
              Map.of(),
              SuccessCodes.of(Set.of(200)),
              TlsFiles.none());

      assertThat(trusting.call("x")).isEqualTo("Success!");
      assertThatThrownBy(() -> systemTrust.call("x")).isInstanceOf(UserLogicException.class);
    }
  }

  @Test
  void presentsTheClientCertificateInPkcs8AndPkcs1Form() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.httpsRequiringClientCertificates(
            certificates.serverContext(), exchange -> record(exchange, 200, "Success!"))) {
      TlsFiles pkcs8 =
          TlsFiles.none()
              .withCaCert(certificates.caFile())
              .withClientCertificate(certificates.clientCertFile(), certificates.clientKeyFile());
      TlsFiles pkcs1 =
          TlsFiles.none()
              .withCaCert(certificates.caFile())
              .withClientCertificate(
                  certificates.clientCertFile(), certificates.clientPkcs1KeyFile());
      TlsFiles withoutClientCertificate = TlsFiles.none().withCaCert(certificates.caFile());

      assertThat(queryGet(server.url(), pkcs8).call("x")).isEqualTo("Success!");
      assertThat(queryGet(server.url(), pkcs1).call("x")).isEqualTo("Success!");
      assertThatThrownBy(() -> queryGet(server.url(), withoutClientCertificate).call("x"))
          .isInstanceOf(UserLogicException.class);
    }
  }

  @Test
  void unreadableTlsFilesAreReportedWhenTheClientIsBuilt(@TempDir Path dir) throws Exception {
    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "invalid");

    assertThatThrownBy(
            () -> clients.clientFor(TlsFiles.none().withCaCert(dir.resolve("missing.pem"))))
        .hasMessageContaining("caCert: cannot read " + dir.resolve("missing.pem"));
    assertThatThrownBy(() -> clients.clientFor(TlsFiles.none().withCaCert(garbage)))
        .hasMessageContaining("caCert: ")
        .hasMessageContaining(garbage.toString());
    assertThatThrownBy(
            () -> clients.clientFor(TlsFiles.none().withClientCertificate(garbage, garbage)))
        .hasMessageContaining("clientCert/clientKey: cannot read certificate " + garbage);
  }

  @Test
  void reusesOneClientPerTlsSetup() {
    TlsFiles custom = TlsFiles.none().withCaCert(certificates.caFile());

    assertThat(clients.clientFor(TlsFiles.none())).isSameAs(clients.clientFor(TlsFiles.none()));
    assertThat(clients.clientFor(custom))
        .isSameAs(clients.clientFor(TlsFiles.none().withCaCert(certificates.caFile())));
    assertThat(clients.clientFor(custom)).isNotSameAs(clients.clientFor(TlsFiles.none()));
  }

  /** A GET in query mode without headers that accepts any 2xx. */
  private HttpMethod queryGet(URI url, TlsFiles tls) {
    return method("GET", url, ParameterMode.QUERY, Map.of(), SuccessCodes.anyTwoHundred(), tls);
  }

  private HttpMethod method(
      String verb,
      URI url,
      ParameterMode mode,
      Map<String, String> headers,
      SuccessCodes codes,
      TlsFiles tls) {
    return new HttpMethod(
        "metric",
        new HttpMethodConfig(Duration.ofSeconds(5), verb, url, headers, codes, mode, tls),
        clients.clientFor(tls),
        ONE_MIB);
  }

  private void record(HttpExchange exchange, int status, String body) throws IOException {
    seen.set(exchange);
    seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    respond(exchange, status, body);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
