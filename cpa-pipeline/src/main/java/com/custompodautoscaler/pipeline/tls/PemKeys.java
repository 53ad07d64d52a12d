package com.custompodautoscaler.pipeline.tls;

import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** TLS key and trust material read from PEM files, as Kubernetes tooling writes them. */
public final class PemKeys {

  private static final char[] NO_PASSWORD = new char[0];

  private PemKeys() {}

  /**
   * Key managers for a PEM certificate chain and its private key (PKCS#8, or PKCS#1 RSA, or SEC1
   * EC).
   *
   * @throws IllegalArgumentException naming the files when they cannot be read
   */
  public static KeyManager[] keyManagers(Path certFile, Path keyFile) {
    Exception lastFailure = null;
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try (InputStream cert = Files.newInputStream(certFile);
          InputStream key = Files.newInputStream(keyFile)) {
        KeyStore store =
            CertUtils.createKeyStore(cert, key, algorithm, NO_PASSWORD, null, NO_PASSWORD);
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, NO_PASSWORD);
        return factory.getKeyManagers();
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        lastFailure = e;
      }
    }
    throw new IllegalArgumentException(
        "cannot read certificate "
            + certFile
            + " and key "
            + keyFile
            + ": "
            + lastFailure.getMessage(),
        lastFailure);
  }

  /**
   * Trust managers that trust the PEM certificates in {@code caFile} and nothing else.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read
   */
  public static TrustManager[] trustOnly(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate found in " + caFile);
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
      throw new IllegalArgumentException("cannot read " + caFile + ": " + e.getMessage(), e);
    }
  }
}
