package com.custompodautoscaler.autoscaler.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks one method block ({@code metric}, {@code evaluate} or a hook). */
final class MethodBinder {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Set<String> HEADERS_JAVA_SETS_ITSELF =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final String TYPES = "shell, http or java";
  private static final List<String> TYPE_BLOCKS = List.of("shell", "http", "java");

  private MethodBinder() {}

  static Optional<MethodConfig> bind(BlockReader method) {
    Optional<Duration> timeout = timeout(method);
    Optional<String> type = method.string("type");
    if (type.isEmpty()) {
      if (!method.has("type")) {
        method.problems().error(method.path("type"), "missing; expected " + TYPES);
      }
      return Optional.empty();
    }
    return switch (type.get()) {
      case "shell" -> shell(method, timeout);
      case "http" -> http(method, timeout);
      case "java" -> java(method, timeout);
      default -> {
        method
            .problems()
            .error(
                method.path("type"),
                "unknown method type \"" + type.get() + "\"; expected " + TYPES);
        yield Optional.empty();
      }
    };
  }

  private static Optional<Duration> timeout(BlockReader method) {
    int millis = method.integerOrDefault("timeout");
    if (millis <= 0) {
      method
          .problems()
          .error(
              method.path("timeout"), "must be a positive number of milliseconds, got " + millis);
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(millis));
  }

  private static Optional<BlockReader> requiredBlock(
      BlockReader method, String key, ConfigBlock block, String need) {
    if (!method.has(key)) {
      method
          .problems()
          .error(method.path(key), "missing; a method of type " + key + " needs " + need);
      return Optional.empty();
    }
    for (String unused : TYPE_BLOCKS) {
      if (!unused.equals(key) && method.has(unused)) {
        method
            .problems()
            .warning(method.path(unused), "ignored, since the method's type is " + key);
      }
    }
    return method.block(key, block);
  }

  private static Optional<MethodConfig> shell(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found =
        requiredBlock(method, "shell", ConfigBlock.SHELL, "shell.entrypoint, the program to run");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader shell = found.get();
    Optional<String> entrypoint = nonBlank(shell, "entrypoint", "the program to run");
    Optional<List<String>> command =
        shell.has("command") ? shell.strings("command") : Optional.of(List.of());
    boolean logStderr = shell.boolOrDefault("logStderr");
    if (timeout.isEmpty() || entrypoint.isEmpty() || command.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ShellMethodConfig(timeout.get(), entrypoint.get(), command.get(), logStderr));
  }

  private static Optional<MethodConfig> java(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found =
        requiredBlock(method, "java", ConfigBlock.JAVA, "java.className, the class to call");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader java = found.get();
    Optional<String> className = nonBlank(java, "className", "the class to call");
    Optional<List<String>> classpath =
        java.has("classpath") ? java.strings("classpath") : Optional.of(List.of());
    if (timeout.isEmpty() || className.isEmpty() || classpath.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new JavaMethodConfig(
            timeout.get(), className.get(), classpath.get().stream().map(Path::of).toList()));
  }

  private static Optional<MethodConfig> http(BlockReader method, Optional<Duration> timeout) {
    Optional<BlockReader> found =
        requiredBlock(method, "http", ConfigBlock.HTTP, "http.url and http.parameterMode");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    BlockReader http = found.get();
    Optional<String> verb = verb(http);
    Optional<URI> url = url(http);
    Optional<Map<String, String>> headers = headers(http);
    Optional<SuccessCodes> successCodes = successCodes(http);
    Optional<ParameterMode> parameterMode = parameterMode(http);
    Optional<TlsFiles> tls = tls(http);
    if (timeout.isEmpty()
        || verb.isEmpty()
        || url.isEmpty()
        || headers.isEmpty()
        || successCodes.isEmpty()
        || parameterMode.isEmpty()
        || tls.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new HttpMethodConfig(
            timeout.get(),
            verb.get(),
            url.get(),
            headers.get(),
            successCodes.get(),
            parameterMode.get(),
            tls.get()));
  }

  private static Optional<String> verb(BlockReader http) {
    String verb = http.stringOrDefault("method");
    String effective = verb.isEmpty() ? "GET" : verb;
    if (!TOKEN.matcher(effective).matches() || effective.equalsIgnoreCase("CONNECT")) {
      http.problems().error(http.path("method"), "invalid HTTP method \"" + verb + "\"");
      return Optional.empty();
    }
    return Optional.of(effective);
  }

  private static Optional<URI> url(BlockReader http) {
    Optional<String> text = nonBlank(http, "url", "the URL to call");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI url = new URI(text.get());
      String scheme = url.getScheme();
      if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        http.problems()
            .error(
                http.path("url"),
                "must be an absolute http or https URL, got \"" + text.get() + "\"");
        return Optional.empty();
      }
      return Optional.of(url);
    } catch (URISyntaxException e) {
      http.problems().error(http.path("url"), "invalid URL: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Map<String, String>> headers(BlockReader http) {
    if (!http.has("headers")) {
      return Optional.of(Map.of());
    }
    Optional<Map<String, String>> headers = http.stringMap("headers");
    boolean valid = headers.isPresent();
    for (String name : headers.orElse(Map.of()).keySet()) {
      if (!TOKEN.matcher(name).matches()) {
        http.problems().error(http.path("headers") + "." + name, "invalid header name");
        valid = false;
      } else if (HEADERS_JAVA_SETS_ITSELF.contains(name.toLowerCase())) {
        http.problems()
            .error(
                http.path("headers") + "." + name,
                "this header is set by the HTTP client itself and cannot be configured");
        valid = false;
      }
    }
    return valid ? headers : Optional.empty();
  }

  private static Optional<SuccessCodes> successCodes(BlockReader http) {
    if (!http.has("successCodes")) {
      return Optional.of(SuccessCodes.anyTwoHundred());
    }
    Optional<List<Integer>> codes = http.integers("successCodes");
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    if (codes.get().isEmpty()) {
      http.problems()
          .error(
              http.path("successCodes"),
              "is empty, so no response could ever succeed; list the codes or leave the key out"
                  + " to accept any 2xx");
      return Optional.empty();
    }
    Set<Integer> valid = new HashSet<>();
    for (int code : codes.get()) {
      if (code < 100 || code > 599) {
        http.problems().error(http.path("successCodes"), "invalid HTTP status " + code);
      } else {
        valid.add(code);
      }
    }
    return valid.size() == Set.copyOf(codes.get()).size()
        ? Optional.of(SuccessCodes.of(valid))
        : Optional.empty();
  }

  private static Optional<ParameterMode> parameterMode(BlockReader http) {
    String allowed = String.join(" or ", ParameterMode.wireNames());
    if (!http.has("parameterMode")) {
      http.problems().error(http.path("parameterMode"), "missing; expected " + allowed);
      return Optional.empty();
    }
    Optional<String> mode = http.string("parameterMode");
    Optional<ParameterMode> parsed = mode.flatMap(ParameterMode::fromWireName);
    if (mode.isPresent() && parsed.isEmpty()) {
      http.problems()
          .error(
              http.path("parameterMode"),
              "unknown parameter mode \"" + mode.get() + "\"; expected " + allowed);
    }
    return parsed;
  }

  private static Optional<TlsFiles> tls(BlockReader http) {
    String caCert = http.stringOrDefault("caCert");
    String clientCert = http.stringOrDefault("clientCert");
    String clientKey = http.stringOrDefault("clientKey");
    TlsFiles tls = caCert.isEmpty() ? TlsFiles.none() : TlsFiles.none().withCaCert(Path.of(caCert));
    if (clientCert.isEmpty() != clientKey.isEmpty()) {
      String missing = clientCert.isEmpty() ? "clientCert" : "clientKey";
      String present = clientCert.isEmpty() ? "clientKey" : "clientCert";
      http.problems().error(http.path(missing), "missing; " + present + " needs it too");
      return Optional.empty();
    }
    return Optional.of(
        clientCert.isEmpty()
            ? tls
            : tls.withClientCertificate(Path.of(clientCert), Path.of(clientKey)));
  }

  /** A required string that must not be blank. */
  static Optional<String> nonBlank(BlockReader block, String key, String what) {
    if (!block.has(key)) {
      block.problems().error(block.path(key), "missing; expected " + what);
      return Optional.empty();
    }
    Optional<String> value = block.string(key);
    if (value.isPresent() && value.get().isBlank()) {
      block.problems().error(block.path(key), "must not be empty; expected " + what);
      return Optional.empty();
    }
    return value;
  }
}
