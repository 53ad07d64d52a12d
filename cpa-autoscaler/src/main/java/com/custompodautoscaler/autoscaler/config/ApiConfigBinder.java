package com.custompodautoscaler.autoscaler.config;

import java.util.Optional;

/** Reads and checks the {@code apiConfig} block, defaulting each key it lacks. */
final class ApiConfigBinder {

  private static final int HIGHEST_PORT = 65535;

  private ApiConfigBinder() {}

  static Optional<ApiConfig> bind(BlockReader top) {
    Optional<BlockReader> found =
        top.has("apiConfig")
            ? top.block("apiConfig", ConfigBlock.API_CONFIG)
            : Optional.of(BlockReader.empty(ConfigBlock.API_CONFIG, top, "apiConfig"));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader api = found.get();
    boolean enabled = api.boolOrDefault("enabled");
    boolean useHttps = api.boolOrDefault("useHTTPS");
    int port = api.integerOrDefault("port");
    String host = api.stringOrDefault("host");
    String certFile = api.stringOrDefault("certFile");
    String keyFile = api.stringOrDefault("keyFile");
    boolean valid = true;
    if (port < 0 || port > HIGHEST_PORT) {
      api.problems().error(api.path("port"), "must be from 0 to " + HIGHEST_PORT + ", got " + port);
      valid = false;
    }
    if (enabled && useHttps && (certFile.isEmpty() || keyFile.isEmpty())) {
      String missing = certFile.isEmpty() ? "certFile" : "keyFile";
      api.problems().error(api.path(missing), "missing; useHTTPS needs certFile and keyFile");
      valid = false;
    }
    return valid
        ? Optional.of(new ApiConfig(enabled, useHttps, port, host, certFile, keyFile))
        : Optional.empty();
  }
}
