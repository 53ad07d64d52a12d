package com.custompodautoscaler.pipeline.config;

import java.util.Objects;

/** The REST API's settings; {@code certFile} and {@code keyFile} are empty unless HTTPS is on. */
public record ApiConfig(
    boolean enabled, boolean useHttps, int port, String host, String certFile, String keyFile) {

  public ApiConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
  }
}
