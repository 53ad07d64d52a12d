package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.TopLevelKeys.API_CONFIG;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.CERT_FILE;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.ENABLED;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.HOST;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.KEY_FILE;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.PORT;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.USE_HTTPS;

import java.util.Optional;

/** Reads and checks the {@code apiConfig} block, defaulting each key it lacks. */
final class ApiConfigBinder {

  /** The highest TCP port. */
  static final int HIGHEST_PORT = 65535;

  private ApiConfigBinder() {}

  static Optional<ApiConfig> bind(BlockReader top) {
    Optional<BlockReader> found = top.blockOrEmpty(API_CONFIG);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader api = found.get();
    boolean enabled = api.get(ENABLED);
    boolean useHttps = api.get(USE_HTTPS);
    int port = api.get(PORT);
    String host = api.get(HOST);
    String certFile = api.get(CERT_FILE);
    String keyFile = api.get(KEY_FILE);
    boolean valid = true;
    if (port < 0 || port > HIGHEST_PORT) {
      api.problems().error(api.path(PORT), "must be from 0 to " + HIGHEST_PORT + ", got " + port);
      valid = false;
    }
    if (enabled && useHttps && (certFile.isEmpty() || keyFile.isEmpty())) {
      Key<String> missing = certFile.isEmpty() ? CERT_FILE : KEY_FILE;
      api.problems().error(api.path(missing), "missing; useHTTPS needs certFile and keyFile");
      valid = false;
    }
    return valid
        ? Optional.of(new ApiConfig(enabled, useHttps, port, host, certFile, keyFile))
        : Optional.empty();
  }
}
