package com.custompodautoscaler.pipeline.method;

import com.custompodautoscaler.pipeline.config.TlsFiles;
import com.custompodautoscaler.pipeline.tls.PemKeys;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Builds the HTTP clients the http methods share: one per distinct set of TLS files, so that
 * connections are reused across calls and the PEM files are read once, at start-up.
 */
public final class HttpClients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Map<TlsFiles, HttpClient> clients = new HashMap<>();

  /**
   * The client for {@code tls}, built on first use.
   *
   * @throws IllegalArgumentException when a TLS file cannot be read
   */
  public synchronized HttpClient clientFor(TlsFiles tls) {
    HttpClient existing = clients.get(tls);
    if (existing != null) {
      return existing;
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT);
    if (tls.isCustom()) {
      builder.sslContext(sslContext(tls));
    }
    HttpClient client = builder.build();
    clients.put(tls, client);
    return client;
  }

  private static SSLContext sslContext(TlsFiles tls) {
    TrustManager[] trust = tls.caCert().map(HttpClients::caTrust).orElse(null);
    KeyManager[] keys = tls.clientCert().isPresent() ? clientKeys(tls) : null;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] caTrust(java.nio.file.Path caFile) {
    try {
      return PemKeys.trustOnly(caFile);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("caCert: " + e.getMessage(), e);
    }
  }

  private static KeyManager[] clientKeys(TlsFiles tls) {
    try {
      return PemKeys.keyManagers(tls.clientCert().orElseThrow(), tls.clientKey().orElseThrow());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("clientCert/clientKey: " + e.getMessage(), e);
    }
  }
}
