package com.custompodautoscaler.pipeline.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** PEM files an HTTP method uses: CA certificates to trust and a client certificate and key. */
public final class TlsFiles {

  private final Path caCert;
  private final Path clientCert;
  private final Path clientKey;

  private TlsFiles(Path caCert, Path clientCert, Path clientKey) {
    this.caCert = caCert;
    this.clientCert = clientCert;
    this.clientKey = clientKey;
  }

  /** No files: the system trust store and no client certificate. */
  public static TlsFiles none() {
    return new TlsFiles(null, null, null);
  }

  public TlsFiles withCaCert(Path file) {
    return new TlsFiles(Objects.requireNonNull(file), clientCert, clientKey);
  }

  public TlsFiles withClientCertificate(Path certFile, Path keyFile) {
    return new TlsFiles(caCert, Objects.requireNonNull(certFile), Objects.requireNonNull(keyFile));
  }

  public Optional<Path> caCert() {
    return Optional.ofNullable(caCert);
  }

  public Optional<Path> clientCert() {
    return Optional.ofNullable(clientCert);
  }

  public Optional<Path> clientKey() {
    return Optional.ofNullable(clientKey);
  }

  /** Whether any file is set, so the default TLS setup will not do. */
  public boolean isCustom() {
    return caCert != null || clientCert != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlsFiles that
        && Objects.equals(caCert, that.caCert)
        && Objects.equals(clientCert, that.clientCert)
        && Objects.equals(clientKey, that.clientKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caCert, clientCert, clientKey);
  }
}
