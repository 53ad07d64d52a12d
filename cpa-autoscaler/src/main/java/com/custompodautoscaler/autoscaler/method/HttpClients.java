package com.custompodautoscaler.autoscaler.method;

import com.custompodautoscaler.autoscaler.config.TlsFiles;
import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the HTTP clients the http methods share: one per distinct set of TLS files, so that
 * connections are reused across calls and the PEM files are read once, at start-up.
 */
public final class HttpClients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Map<TlsFiles, HttpClient> clients = new HashMap<>();

  /** The client for {@code tls}, built on first use. */
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
    try {
      TrustManager[] trust = tls.caCert().map(HttpClients::trustOnly).orElse(null);
      KeyManager[] keys =
          tls.clientCert().isPresent()
              ? clientKeys(tls.clientCert().orElseThrow(), tls.clientKey().orElseThrow())
              : null;
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Trust managers that trust the certificates in {@code caFile} and nothing else. */
  private static TrustManager[] trustOnly(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalStateException("no PEM certificate found in caCert file " + caFile);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot read caCert file " + caFile + ": " + e.getMessage(), e);
    }
  }

  private static KeyManager[] clientKeys(Path certFile, Path keyFile) {
    Exception lastFailure = null;
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try (InputStream cert = Files.newInputStream(certFile);
          InputStream key = Files.newInputStream(keyFile)) {
        char[] noPassword = new char[0];
        KeyStore store =
            CertUtils.createKeyStore(cert, key, algorithm, noPassword, null, noPassword);
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, noPassword);
        return factory.getKeyManagers();
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        lastFailure = e;
      }
    }
    throw new IllegalStateException(
        "cannot read client certificate "
            + certFile
            + " and key "
            + keyFile
            + ": "
            + lastFailure.getMessage(),
        lastFailure);
  }
}
