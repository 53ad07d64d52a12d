package com.custompodautoscaler.pipeline.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** An HTTP request that carries the stage document; the response body is the result. */
public record HttpMethodConfig(
    Duration timeout,
    String method,
    URI url,
    Map<String, String> headers,
    SuccessCodes successCodes,
    ParameterMode parameterMode,
    TlsFiles tls)
    implements MethodConfig {

  public HttpMethodConfig {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(successCodes, "successCodes");
    Objects.requireNonNull(parameterMode, "parameterMode");
    Objects.requireNonNull(tls, "tls");
  }

  @Override
  public String type() {
    return "http";
  }
}
